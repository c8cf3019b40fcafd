import { Hono } from "hono";

import { buildAuditLogTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { HonoEnv } from "@app/lib/api/hono";
import { SpaceResource } from "@app/lib/resources/space_resource";

export const spacesApp = new Hono<HonoEnv>();

spacesApp.post("/:spaceId/archive", async (ctx) => {
  const auth = ctx.get("auth");
  const r = await SpaceResource.archiveById(auth, ctx.req.param("spaceId"));
  if (r.isErr()) {
    return ctx.json({ error: r.error.message }, 400);
  }
  void emitAuditLogEvent({ auth, action: "space.archived", targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("space", r.value.space), buildAuditLogTarget("user", auth.user()!)] });
  return ctx.json({ space: r.value.space.toJSON() });
});
