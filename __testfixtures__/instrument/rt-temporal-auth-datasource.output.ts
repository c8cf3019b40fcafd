import { heartbeat } from "@temporalio/activity";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { softDeleteDataSourceAndLaunchScrubWorkflow } from "@app/lib/api/data_sources";
import { Authenticator } from "@app/lib/auth";
import { DataSourceResource } from "@app/lib/resources/data_source_resource";
import logger from "@app/logger/logger";

export async function deleteStaleDataSourcesActivity({
  workspaceId,
  dataSourceIds,
}: {
  workspaceId: string;
  dataSourceIds: string[];
}): Promise<string[]> {
  const auth = await Authenticator.internalAdminForWorkspace(workspaceId);
  const workflowIds: string[] = [];

  for (const dataSourceId of dataSourceIds) {
    heartbeat();
    const dataSource = await DataSourceResource.fetchById(auth, dataSourceId);
    if (!dataSource) {
      continue;
    }

    const deleteRes = await softDeleteDataSourceAndLaunchScrubWorkflow(auth, dataSource);
    if (deleteRes.isErr()) {
      logger.error({ dataSourceId, error: deleteRes.error }, "Could not delete stale data source");
      throw deleteRes.error;
    }

    const { scrubWorkflowId } = deleteRes.value;
    workflowIds.push(scrubWorkflowId);
  }

  return workflowIds;
}
