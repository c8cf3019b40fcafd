import { Context } from "@temporalio/activity";

import { notifyTriggerEditors } from "@app/lib/api/assistant/triggers/notifications";
import { Authenticator } from "@app/lib/auth";
import { TriggerResource } from "@app/lib/resources/trigger_resource";
import mainLogger from "@app/logger/logger";

const logger = mainLogger.child({ activity: "archiveExpiredTrigger" });

export async function archiveExpiredTriggerActivity({
  workspaceId,
  triggerModelId,
}: {
  workspaceId: string;
  triggerModelId: number;
}): Promise<void> {
  // Built only once the trigger is archived: most expired triggers have no editors left to notify.
  let auth: Authenticator | null = null;

  const trigger = await TriggerResource.fetchByModelIdWithoutAuth(triggerModelId);
  if (!trigger || trigger.status === "archived") {
    logger.info({ triggerModelId }, "Trigger already gone");
    return;
  }

  Context.current().heartbeat();

  const archiveRes = await trigger.archive({ reason: "expired" });
  if (archiveRes.isErr()) {
    logger.error({ triggerModelId, error: archiveRes.error }, "Failed to archive expired trigger");
    throw archiveRes.error;
  }

  if (trigger.editorIds.length > 0) {
    auth = await Authenticator.internalAdminForWorkspace(workspaceId);
    await notifyTriggerEditors(auth, trigger);
  }
}
