import { emitAuditLogEvent, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { DataSourceResource } from "@app/lib/resources/data_source_resource";
import { renderLightWorkspaceType } from "@app/lib/workspace";
import type { WorkspaceModel } from "@app/lib/resources/storage/models/workspace";
import logger from "@app/logger/logger";
import { Err, Ok, type Result } from "@app/types/shared/result";

const RETENTION_ACTOR = { type: "system", id: "temporal", name: "Data retention" } as const;

export async function archiveDataSource(auth: Authenticator, dataSourceId: string): Promise<Result<void, Error>> {
  const dataSource = await DataSourceResource.fetchById(auth, dataSourceId);
  if (!dataSource) {
    return new Err(new Error(`Data source ${dataSourceId} not found.`));
  }
  const r = await dataSource.archive(auth);
  if (r.isErr()) {
    return r;
  }
  void emitAuditLogEvent({
    auth,
    action: "data_source.archived",
    targets: [{ type: "data_source", id: dataSource.sId, name: dataSource.name }],
    context: { location: "internal" },
  });
  return new Ok(undefined);
}

export async function purgeExpiredDocumentsActivity({ workspace, dataSourceId }: { workspace: LightWorkspaceType; dataSourceId: string }): Promise<number> {
  const dataSource = await DataSourceResource.fetchByModelIdWithWorkspace(workspace, dataSourceId);
  if (!dataSource) {
    return 0;
  }
  try {
    const purged = await dataSource.purgeDocumentsOlderThan(workspace.dataRetentionDays);
    void emitAuditLogEventDirect({
      workspace,
      actor: RETENTION_ACTOR,
      action: "data_source.retention_purged",
      targets: [{ type: "data_source", id: dataSource.sId, name: dataSource.name }],
      context: { location: "internal" },
      metadata: { purged_documents: String(purged.length) },
    });
    return purged.length;
  } catch (error) {
    logger.error({ error, dataSourceId }, "Retention purge failed.");
    throw error;
  }
}

export async function scrubWorkspaceActivity(owner: WorkspaceModel): Promise<void> {
  await DataSourceResource.deleteAllForWorkspace(owner);
  void emitAuditLogEventDirect({
    workspace: renderLightWorkspaceType({ workspace: owner }),
    actor: RETENTION_ACTOR,
    action: "workspace.scrubbed",
    targets: [],
    context: { location: "internal" },
  });
}
