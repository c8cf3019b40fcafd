// Mounted at /api/w/:wId/triggers.

import { apiErrorForHono } from "@app/lib/api/errors";
import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { TriggerResource } from "@app/lib/resources/trigger_resource";

const app = createWorkspaceRouter();

app.patch("/:triggerId", async (ctx) => {
  const auth = ctx.get("auth");
  const trigger = await TriggerResource.fetchById(auth, ctx.req.param("triggerId"));
  if (!trigger) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "trigger_not_found", message: "Trigger not found." },
    });
  }

  const { enabled } = await ctx.req.json<{ enabled: boolean }>();
  const result = await trigger.setEnabled(auth, enabled);
  if (result.isErr()) return apiErrorForHono(ctx, { status_code: 500, api_error: { type: "internal_server_error", message: result.error.message } });

  void emitAuditLogEvent({
    auth,
    action: "trigger.updated",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "trigger", id: trigger.sId, name: trigger.name },
    ],
    context: getAuditLogContext(auth),
    metadata: {
      enabled: String(enabled),
    },
  });

  return ctx.json({ trigger: trigger.toJSON() });
});

export default app;
