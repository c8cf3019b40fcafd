import { Hono } from "hono";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { apiErrorForHono } from "@app/lib/api/hono/errors";
import type { HonoEnv } from "@app/lib/api/hono/types";
import { SpaceResource } from "@app/lib/resources/space_resource";

export const spacesApp = new Hono<HonoEnv>();

spacesApp.patch("/:spaceId/visibility", async (ctx) => {
  const auth = ctx.get("auth");
  const space = await SpaceResource.fetchById(auth, ctx.req.param("spaceId"));
  if (!space) {
    return apiErrorForHono(ctx, { status_code: 404, api_error: { type: "space_not_found", message: "Space not found." } });
  }
  const { isRestricted } = await ctx.req.json<{ isRestricted: boolean }>();

  const r = await space.setRestricted(auth, isRestricted);
  if (r.isErr()) {
    return apiErrorForHono(ctx, { status_code: 400, api_error: { type: "invalid_request_error", message: r.error.message } });
  }

  void emitAuditLogEvent({
    auth,
    action: "space.visibility_updated",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("space", space)],
    context: getAuditLogContext(auth),
    metadata: { is_restricted: String(isRestricted) },
  });

  return ctx.json({ space: space.toJSON() });
});

spacesApp.delete("/:spaceId", async (c) => {
  const auth = c.get("auth");
  const space = await SpaceResource.fetchById(auth, c.req.param("spaceId"));
  if (!space || !space.canAdministrate(auth)) {
    return apiErrorForHono(c, { status_code: 404, api_error: { type: "space_not_found", message: "Space not found." } });
  }
  try {
    await space.delete(auth, { hardDelete: false });
  } catch (err) {
    return apiErrorForHono(c, { status_code: 500, api_error: { type: "internal_server_error", message: String(err) } });
  }

  void emitAuditLogEvent({
    auth,
    action: "space.deleted",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("space", space)],
    context: getAuditLogContext(auth),
    metadata: { space_kind: space.kind, forced: "false" },
  });

  return c.body(null, 204);
});
