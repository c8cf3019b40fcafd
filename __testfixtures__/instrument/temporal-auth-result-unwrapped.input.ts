import { log } from "@temporalio/activity";

import { Authenticator } from "@app/lib/auth";
import { ScheduleResource } from "@app/lib/resources/schedule_resource";

export async function disableExpiredScheduleActivity({
  workspaceId,
  userId,
  scheduleId,
}: {
  workspaceId: string;
  userId: string;
  scheduleId: string;
}): Promise<void> {
  const userAuthResult = await Authenticator.fromUserIdAndWorkspaceIdResult(userId, workspaceId);
  if (userAuthResult.isErr()) {
    log.warn("User no longer in workspace, schedule left as is.", { userId, workspaceId });
    return;
  }
  const userAuth = userAuthResult.value;

  const schedule = await ScheduleResource.fetchById(userAuth, scheduleId);
  if (!schedule) {
    return;
  }
  const disabled = await schedule.disable(userAuth);
  if (disabled.isErr()) {
    throw disabled.error;
  }
  log.info("Expired schedule disabled.", { scheduleId });
}
