import { log } from "@temporalio/activity";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

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

  void emitAuditLogEvent({
    auth: userAuth,
    action: "schedule.disabled",
    targets: [
      buildWorkspaceTarget(userAuth.getNonNullableWorkspace()),
      { type: "schedule", id: schedule.sId, name: schedule.name },
    ],
    context: getAuditLogContext(userAuth),
    metadata: {
      reason: "expired",
    },
  });

  log.info("Expired schedule disabled.", { scheduleId });
}
