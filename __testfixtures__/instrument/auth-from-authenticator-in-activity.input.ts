import { Authenticator } from "@app/lib/auth";
import { TriggerResource } from "@app/lib/resources/trigger_resource";
import logger from "@app/logger/logger";

export async function rescheduleTriggerActivity({
  workspaceId,
  userId,
  triggerId,
  cron,
}: {
  workspaceId: string;
  userId: string;
  triggerId: string;
  cron: string;
}): Promise<void> {
  const userAuth = await Authenticator.fromUserIdAndWorkspaceId(userId, workspaceId);
  const trigger = await TriggerResource.fetchById(userAuth, triggerId);
  if (!trigger) {
    logger.warn({ triggerId }, "Trigger not found, nothing to reschedule");
    return;
  }
  const r = await trigger.updateSchedule(userAuth, cron);
  if (r.isErr()) {
    throw r.error;
  }
}
