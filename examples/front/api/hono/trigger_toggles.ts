// Mounted at /api/w/:wId/triggers/toggles. Written before emits took `auth`:
// the routes pass the workspace and build the actor (see legacy-migration.yaml).

import {
  buildAuditActor,
  buildAuditLogTarget,
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { apiErrorForHono } from "@app/lib/api/errors";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { TriggerResource } from "@app/lib/resources/trigger_resource";

const app = createWorkspaceRouter();

app.post("/:sId/enable", async (ctx) => {
  const auth = ctx.get("auth");
  const owner = auth.getNonNullableWorkspace();

  const trigger = await TriggerResource.fetchByIdForWorkspace(owner, ctx.req.param("sId"));
  if (!trigger) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "trigger_not_found", message: "The trigger was not found." },
    });
  }

  const result = await trigger.update(auth, { enabled: true });
  if (result.isErr()) {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: result.error.message },
    });
  }

  void emitAuditLogEvent({
    workspace: owner,
    action: "trigger.updated",
    actor: buildAuditActor(auth),
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      buildAuditLogTarget("trigger", trigger),
    ],
    context: getAuditLogContext(auth),
    metadata: { trigger_kind: String(trigger.kind), enabled: String(trigger.enabled) },
  });

  return ctx.json({ trigger: trigger.toJSON() });
});

app.post("/:sId/pause", async (ctx) => {
  const auth = ctx.get("auth");
  const owner = auth.getNonNullableWorkspace();

  const trigger = await TriggerResource.fetchByIdForWorkspace(owner, ctx.req.param("sId"));
  if (!trigger) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "trigger_not_found", message: "The trigger was not found." },
    });
  }

  const result = await trigger.update(auth, { enabled: false });
  if (result.isErr()) {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: result.error.message },
    });
  }

  // Pauses count as the scheduler's doing in the dashboard, so this one
  // names its actor by hand: the migration cannot tell whose `auth` it is.
  void emitAuditLogEvent({
    workspace: owner,
    action: "trigger.updated",
    actor: { type: "system", id: "trigger-scheduler", name: "Trigger Scheduler" },
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      buildAuditLogTarget("trigger", trigger),
    ],
    context: getAuditLogContext(auth),
    metadata: { trigger_kind: String(trigger.kind), enabled: String(trigger.enabled) },
  });

  return ctx.json({ trigger: trigger.toJSON() });
});

export default app;
