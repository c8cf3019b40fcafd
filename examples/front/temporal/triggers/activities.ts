import { heartbeat, log } from "@temporalio/activity";

import { emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import type { AuditLogActor } from "@app/lib/api/audit/workos_audit";
import { TriggerResource } from "@app/lib/resources/trigger_resource";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";

// After this many failed runs in a row, a trigger is switched off and its
// editor is notified by email.
const MAX_CONSECUTIVE_FAILURES = 5;

const TRIGGER_SCHEDULER_ACTOR: AuditLogActor = {
  type: "system",
  id: "temporal",
  name: "Trigger Scheduler",
};

export async function disableFailingTriggersActivity({
  workspaceId,
}: {
  workspaceId: string;
}): Promise<number> {
  const workspace = await WorkspaceResource.fetchById(workspaceId);
  if (!workspace) {
    log.warn("Workspace not found, nothing to disable.", { workspaceId });
    return 0;
  }

  const triggers = await TriggerResource.listEnabledForWorkspace(workspace);

  let disabledCount = 0;
  for (const trigger of triggers) {
    heartbeat();
    if (trigger.consecutiveFailures < MAX_CONSECUTIVE_FAILURES) {
      continue;
    }

    const result = await trigger.disable(workspace);
    if (result.isErr()) {
      log.error("Failed to disable trigger.", {
        triggerId: trigger.sId,
        error: result.error.message,
      });
      continue;
    }
    disabledCount++;

    void emitAuditLogEventDirect({
      workspace,
      action: "trigger.disabled",
      actor: TRIGGER_SCHEDULER_ACTOR,
      targets: [{ type: "trigger", id: trigger.sId, name: trigger.name }],
      context: { location: "internal" },
      metadata: {
        failure_count: String(trigger.consecutiveFailures),
      },
    });
  }

  return disabledCount;
}

/**
 * Applies a schedule pushed by the calendar provider (timezone or DST
 * changes on the provider side).
 */
export async function syncTriggerScheduleActivity({
  workspaceId,
  triggerId,
  cron,
  timezone,
}: {
  workspaceId: string;
  triggerId: string;
  cron: string;
  timezone: string;
}): Promise<void> {
  const workspace = await WorkspaceResource.fetchById(workspaceId);
  if (!workspace) {
    throw new Error(`Workspace not found: ${workspaceId}`);
  }

  const trigger = await TriggerResource.fetchByIdForWorkspace(workspace, triggerId);
  if (!trigger) {
    // Deleted since the sync was scheduled: nothing to do.
    log.info("Trigger not found, skipping schedule sync.", { workspaceId, triggerId });
    return;
  }

  const result = await trigger.updateSchedule(workspace, { cron, timezone });
  if (result.isErr()) {
    // Let Temporal retry: the provider can send a schedule before the trigger
    // is fully provisioned.
    throw result.error;
  }

  log.info("Trigger schedule synced.", { workspaceId, triggerId, cron, timezone });
}
