import { heartbeat, log } from "@temporalio/activity";

import { DataSourceResource } from "@app/lib/resources/data_source_resource";
import { buildWorkspaceTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import { statsDClient } from "@app/logger/statsDClient";

export async function purgeDataSourceActivity({
  workspaceId,
  dataSourceId,
}: {
  workspaceId: string;
  dataSourceId: string;
}): Promise<void> {
  const workspace = await WorkspaceResource.fetchById(workspaceId);
  if (!workspace) {
    log.warn("Workspace not found, nothing to purge.", { workspaceId });
    return;
  }
  const dataSource = await DataSourceResource.fetchByIdForWorkspace(workspace, dataSourceId);
  if (!dataSource) {
    log.warn("Data source already gone.", { dataSourceId });
    return;
  }

  heartbeat();
  const start = Date.now();
  const purged = await dataSource.hardDelete(workspace);
  const elapsed = Date.now() - start;
  statsDClient.distribution("data_source.purge.duration_ms", elapsed, [`workspace:${workspace.sId}`]);
  if (!purged) {
    throw new Error(`Failed to purge data source ${dataSourceId}`);
  }

  void emitAuditLogEventDirect({
    workspace,
    action: "data_source.purged",
    actor: { type: "system", id: "temporal", name: "Data Source Scrubber" },
    targets: [
      buildWorkspaceTarget(workspace),
      { type: "data_source", id: dataSource.sId, name: dataSource.name },
    ],
    context: { location: "internal" },
    metadata: {
      duration_ms: String(elapsed),
    },
  });

  log.info("Data source purged.", { dataSourceId, elapsed });
}
