import { Hono } from "hono";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import type { Authenticator } from "@app/lib/auth";
import { TagResource } from "@app/lib/resources/tag_resource";
import { withTransaction } from "@app/lib/utils/sql_utils";

export const tags = new Hono<{ Variables: { auth: Authenticator } }>();

tags.delete("/:tagId", async (c) => {
  const auth = c.get("auth");
  const tag = await TagResource.fetchById(auth, c.req.param("tagId"));
  if (!tag) {
    return c.json({ error: { type: "tag_not_found" } }, 404);
  }
  const result = await withTransaction(async (transaction) => {
    await tag.removeFromAllAgents(auth, { transaction });
    return tag.deleteTag(auth, { transaction });
  });
  if (result.isErr()) {
    return c.json({ error: { type: "internal_server_error", message: result.error.message } }, 500);
  }

  void emitAuditLogEvent({
    auth,
    action: "tag.deleted",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "tag", id: tag.sId, name: tag.name },
    ],
    context: getAuditLogContext(auth),
  });

  return c.body(null, 204);
});
