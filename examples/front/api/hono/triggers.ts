// Mounted at /api/w/:wId/triggers.

import {
  buildAuditLogTarget,
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { apiErrorForHono } from "@app/lib/api/errors";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import type { Authenticator } from "@app/lib/auth";
import { TriggerResource } from "@app/lib/resources/trigger_resource";

const app = createWorkspaceRouter();

function auditTriggerChange(
  auth: Authenticator,
  trigger: TriggerResource,
  changedFields: string[]
): Promise<void> {
  return emitAuditLogEvent({
    auth,
    action: "trigger.updated",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      buildAuditLogTarget("trigger", trigger),
    ],
    context: getAuditLogContext(auth),
    metadata: {
      trigger_kind: String(trigger.kind),
      changed_fields: changedFields.join(","),
    },
  });
}

app.get("/", async (ctx) => {
  const auth = ctx.get("auth");
  const triggers = await TriggerResource.listForWorkspace(auth);
  return ctx.json({ triggers: triggers.map((t) => t.toJSON()) });
});

app.patch("/:sId", async (ctx) => {
  const auth = ctx.get("auth");

  const trigger = await TriggerResource.fetchById(auth, ctx.req.param("sId"));
  if (!trigger) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "trigger_not_found", message: "The trigger was not found." },
    });
  }

  const body = await ctx.req.json<{ name?: unknown; enabled?: unknown }>();
  const patch: { name?: string; enabled?: boolean } = {};
  if (typeof body.name === "string" && body.name.trim()) {
    patch.name = body.name.trim();
  }
  if (typeof body.enabled === "boolean") {
    patch.enabled = body.enabled;
  }
  if (Object.keys(patch).length === 0) {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Nothing to update." },
    });
  }

  const result = await trigger.update(auth, patch);
  if (result.isErr()) {
    return apiErrorForHono(ctx, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: result.error.message },
    });
  }

  void auditTriggerChange(auth, trigger, Object.keys(patch));

  return ctx.json({ trigger: result.value.toJSON() });
});

export default app;
