import { emitAuditLogEventForSystem } from "@app/lib/api/audit/workos_audit";
import { DataSourceResource } from "@app/lib/resources/data_source_resource";
import { getWorkspaceInfos } from "@app/lib/workspace";
import logger from "@app/logger/logger";

export async function purgeExpiredDocumentsActivity({ workspaceId, dataSourceId }: { workspaceId: string; dataSourceId: string }): Promise<number> {
  const workspace = await getWorkspaceInfos(workspaceId);
  if (!workspace) {
    logger.warn({ workspaceId }, "Workspace not found, skipping the retention purge.");
    return 0;
  }
  const dataSource = await DataSourceResource.fetchByModelIdWithWorkspace(dataSourceId, workspace);
  if (!dataSource) {
    return 0;
  }
  try {
    const purged = await dataSource.purgeDocumentsOlderThan(workspace.dataRetentionDays);
    await emitAuditLogEventForSystem({
      workspace,
      actor: { type: "system", id: "temporal", name: "Data retention" },
      action: "data_source.retention_purged",
      targets: [{ type: "data_source", id: dataSource.sId, name: dataSource.name }],
      metadata: { purged_documents: purged.length },
    });
    return purged.length;
  } catch (error) {
    logger.error({ error, dataSourceId }, "Retention purge failed.");
    throw error;
  }
}
