import { Hono } from "hono";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import logger from "@app/logger/logger";

type Env = { Variables: { auth: Authenticator } };

export const spaces = new Hono<Env>().post("/:spaceId/archive", async (c) => {
  const auth = c.get("auth");
  const space = await SpaceResource.fetchById(auth, c.req.param("spaceId"));
  if (!space) {
    return c.json({ error: { type: "space_not_found" } }, 404);
  }

  const archiveRes = await space.archive(auth);
  c.header("X-Space-Id", space.sId);
  logger.info({ spaceId: space.sId, archived: archiveRes.isOk() }, "Space archive requested");
  if (archiveRes.isErr()) {
    return c.json({ error: { type: "internal_server_error", message: archiveRes.error.message } }, 500);
  }

  void emitAuditLogEvent({
    auth,
    action: "space.archived",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "space", id: space.sId, name: space.name },
    ],
    context: getAuditLogContext(auth),
    metadata: {
      space_kind: String(space.kind),
    },
  });

  return c.json({ space: space.toJSON() });
});
