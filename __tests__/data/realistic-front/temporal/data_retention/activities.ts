import { buildAuditLogTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import { getWorkspaceInfos } from "@app/lib/api/workspace";
import { DataSourceResource } from "@app/lib/resources/data_source_resource";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";

export async function purgeExpiredDocumentsActivity({ workspaceId, dataSourceId }: { workspaceId: string; dataSourceId: string }): Promise<number> {
  const workspace = await getWorkspaceInfos(workspaceId);
  const retentionDays = workspace ? await WorkspaceResource.getDataRetention(workspace.id) : null;
  if (!workspace || retentionDays === null) {
    return 0;
  }
  const dataSource = await DataSourceResource.fetchByIdForWorkspace(workspace, dataSourceId);
  if (!dataSource) {
    return 0;
  }
  const cutoff = new Date(Date.now() - retentionDays * 24 * 60 * 60 * 1000);

  const purged = await dataSource.deleteDocumentsOlderThan(cutoff);
  if (purged.isErr()) {
    throw purged.error;
  }
  if (purged.value === 0) {
    return 0;
  }

  void emitAuditLogEventDirect({
    workspace,
    actor: { type: "system", id: "temporal", name: "Data Retention" },
    action: "data_source.retention_purged",
    targets: [buildAuditLogTarget("workspace", workspace), buildAuditLogTarget("data_source", dataSource)],
    context: { location: "internal" },
    metadata: { document_count: String(purged.value), cutoff: cutoff.toISOString() },
  });

  return purged.value;
}
