import { buildWorkspaceTarget, emitAuditLogEventDirect } from "../../lib/api/audit/workos_audit";
import { TriggerResource } from "../../lib/resources/trigger_resource";
import type { LightWorkspaceType } from "../../types/workspace";

const TEMPORAL_ACTOR = { type: "system", id: "temporal", name: "Trigger scheduler" };

export async function disableFailingTriggerActivity({
  workspace,
  triggerId,
}: {
  workspace: LightWorkspaceType;
  triggerId: string;
}): Promise<void> {
  const trigger = await TriggerResource.fetchByIdForWorkspace(workspace, triggerId);
  if (!trigger) {
    return;
  }
  await trigger.disableAfterFailures();

  void emitAuditLogEventDirect({
    workspace,
    action: "trigger.disabled",
    actor: TEMPORAL_ACTOR,
    targets: [buildWorkspaceTarget(workspace), { type: "trigger", id: trigger.sId, name: trigger.name }],
    context: { location: "internal" },
    metadata: { reason: "too_many_failures" },
  });
}

export async function rotateWebhookSecretActivity(owner: { workspace: LightWorkspaceType; triggerId: string }): Promise<void> {
  const trigger = await TriggerResource.fetchByIdForWorkspace(owner.workspace, owner.triggerId);
  if (!trigger) {
    return;
  }
  await trigger.rotateSecret();

  void emitAuditLogEventDirect({
    action: "trigger.secret_rotated",
    workspace: owner.workspace,
    actor: TEMPORAL_ACTOR,
    targets: [
      buildWorkspaceTarget(owner.workspace),
      { type: "trigger", id: trigger.sId, name: trigger.name },
    ],
    context: { location: "internal" },
  });
}
