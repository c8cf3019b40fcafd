import { Context } from "@temporalio/activity";

import { buildAuditLogTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import { getWorkspaceInfos } from "@app/lib/api/workspace";
import { TriggerResource } from "@app/lib/resources/trigger_resource";
import logger from "@app/logger/logger";

const MAX_CONSECUTIVE_FAILURES = 5;

const SCHEDULER_ACTOR = { type: "system", id: "temporal", name: "Trigger Scheduler" } as const;

/** After repeated failures the scheduler disables the trigger; no user acted. */
export async function disableFailingTriggerActivity({ workspaceId, triggerId }: { workspaceId: string; triggerId: string }): Promise<void> {
  const workspace = await getWorkspaceInfos(workspaceId);
  if (!workspace) {
    throw new Error(`Workspace ${workspaceId} not found`);
  }
  const trigger = await TriggerResource.fetchByIdForWorkspace(workspace, triggerId);
  if (!trigger || trigger.consecutiveFailures < MAX_CONSECUTIVE_FAILURES) {
    return;
  }

  const result = await trigger.disable(workspace);
  if (result.isErr()) {
    throw result.error;
  }

  void emitAuditLogEventDirect({
    workspace,
    actor: SCHEDULER_ACTOR,
    action: "trigger.disabled",
    targets: [buildAuditLogTarget("workspace", workspace), buildAuditLogTarget("trigger", trigger)],
    context: { location: "internal" },
    metadata: {
      failure_count: String(trigger.consecutiveFailures),
      attempt: String(Context.current().info.attempt),
    },
  });

  logger.info({ workspaceId, triggerId }, "Disabled a failing trigger");
}
