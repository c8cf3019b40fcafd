import { log } from "@temporalio/activity";

import { buildWorkspaceTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";

import { TriggerResource } from "@app/lib/resources/trigger_resource";
import type { WorkspaceType } from "@app/types/workspace";

/**
 * Applies a schedule pushed by the calendar provider (timezone or DST changes).
 */
export async function syncTriggerScheduleActivity({
  owner,
  triggerId,
  cron,
  timezone,
}: {
  owner: WorkspaceType;
  triggerId: string;
  cron: string;
  timezone: string;
}): Promise<void> {
  const trigger = await TriggerResource.fetchByIdForWorkspace(owner, triggerId);
  if (!trigger) {
    log.warn("Trigger not found, schedule not applied.", { triggerId });
    return;
  }

  const result = await trigger.updateSchedule(owner, { cron, timezone });
  if (result.isErr()) {
    throw result.error;
  }

  void emitAuditLogEventDirect({
    workspace: owner,
    action: "trigger.schedule_updated",
    actor: { type: "system", id: "temporal", name: "Trigger Scheduler" },
    targets: [
      buildWorkspaceTarget(owner),
      { type: "trigger", id: trigger.sId, name: trigger.name },
    ],
    context: { location: "internal" },
    metadata: {
      cron_expression: cron,
      timezone,
    },
  });

  log.info("Trigger schedule updated.", { triggerId, cron, timezone });
}
