import { buildAuditLogTarget, emitAuditLogEvent, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { TriggerResource } from "@app/lib/resources/trigger_resource";
import type { LightWorkspaceType } from "@app/types/workspace";

export async function pauseTrigger(auth: Authenticator, trigger: TriggerResource) {
  await trigger.pause(auth);
  void emitAuditLogEvent({
    auth,
    action: "trigger.paused",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("trigger", trigger)],
  });
}

export async function pauseTriggerActivity(workspace: LightWorkspaceType, trigger: TriggerResource) {
  await trigger.pauseForWorkspace(workspace);
  void emitAuditLogEventDirect({
    workspace,
    action: "trigger.paused",
    actor: { type: "system", id: "temporal", name: "Scheduler" },
    targets: [buildAuditLogTarget("workspace", workspace), buildAuditLogTarget("trigger", trigger)],
    context: { location: "internal" },
  });
}
