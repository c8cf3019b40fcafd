import { heartbeat, log } from "@temporalio/activity";

import { emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import type { AuditLogActor } from "@app/lib/api/audit/workos_audit";
import { TriggerResource } from "@app/lib/resources/trigger_resource";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";

const TRIGGER_SCHEDULER_ACTOR: AuditLogActor = {
  type: "system",
  id: "trigger_scheduler",
  name: "Trigger scheduler",
};

export async function disableFailingTriggerActivity({
  workspaceId,
  triggerId,
}: {
  workspaceId: string;
  triggerId: string;
}): Promise<void> {
  const workspace = await WorkspaceResource.fetchById(workspaceId);
  if (!workspace) {
    log.warn("Workspace not found, skipping.", { workspaceId });
    return;
  }

  const trigger = await TriggerResource.fetchByIdForWorkspace(workspace, triggerId);
  if (!trigger) {
    return;
  }
  heartbeat();

  await trigger.disable();

  void emitAuditLogEventDirect({
    workspace,
    actor: TRIGGER_SCHEDULER_ACTOR,
    action: "trigger.disabled",
    targets: [
      { type: "workspace", id: workspace.sId, name: workspace.name },
      { type: "trigger", id: trigger.sId, name: trigger.name },
    ],
    context: { location: "internal" },
    metadata: { reason: "too_many_failures" },
  });
}

export async function reenableTriggerActivity({ workspaceId, triggerId }: { workspaceId: string; triggerId: string }) {
  const workspace = await WorkspaceResource.fetchById(workspaceId);
  const trigger = workspace ? await TriggerResource.fetchByIdForWorkspace(workspace, triggerId) : null;
  if (!workspace || !trigger) {
    return;
  }

  await trigger.enable();
  void emitAuditLogEventDirect({
    workspace,
    actor: TRIGGER_SCHEDULER_ACTOR,
    action: "trigger.enabled",
    targets: [{ type: "trigger", id: trigger.sId, name: trigger.name }],
    context: { location: "internal" },
  });
}
