import { log } from "@temporalio/activity";

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
  log.info("Trigger schedule updated.", { triggerId, cron, timezone });
}
