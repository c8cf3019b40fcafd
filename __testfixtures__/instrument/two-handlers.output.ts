import { apiErrorForHono } from "@app/lib/api/errors";
import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { SpaceResource } from "@app/lib/resources/space_resource";

const app = createWorkspaceRouter();

app.post("/:spaceId/archive", async (ctx) => {
  const auth = ctx.get("auth");
  const space = await SpaceResource.fetchById(auth, ctx.req.param("spaceId"));
  if (!space) return apiErrorForHono(ctx, { status_code: 404, api_error: { type: "space_not_found", message: "Space not found." } });
  const result = await space.setArchived(auth, true);
  if (result.isErr()) return apiErrorForHono(ctx, { status_code: 500, api_error: { type: "internal_server_error", message: result.error.message } });

  void emitAuditLogEvent({
    auth,
    action: "space.archived",
    targets: [
      buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),
      buildAuditLogTarget("space", space),
    ],
    context: getAuditLogContext(auth),
  });

  return ctx.json({ space: space.toJSON() });
});

app.post("/:spaceId/unarchive", async (ctx) => {
  const auth = ctx.get("auth");
  const space = await SpaceResource.fetchById(auth, ctx.req.param("spaceId"));
  if (!space) return apiErrorForHono(ctx, { status_code: 404, api_error: { type: "space_not_found", message: "Space not found." } });
  const result = await space.setArchived(auth, false);
  if (result.isErr()) return apiErrorForHono(ctx, { status_code: 500, api_error: { type: "internal_server_error", message: result.error.message } });

  void emitAuditLogEvent({
    auth,
    action: "space.archived",
    targets: [
      buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),
      buildAuditLogTarget("space", space),
    ],
    context: getAuditLogContext(auth),
  });

  return ctx.json({ space: space.toJSON() });
});

export default app;
