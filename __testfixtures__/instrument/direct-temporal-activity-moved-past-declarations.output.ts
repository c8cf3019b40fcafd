import { ConnectorResource } from "@connectors/resources/connector_resource";
import { getWorkspaceForConnector } from "@connectors/lib/workspace";
import { buildWorkspaceTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import logger from "@connectors/logger/logger";

export async function finalizeSyncActivity({
  connectorId,
  syncType,
}: {
  connectorId: number;
  syncType: "full" | "incremental";
}): Promise<void> {
  const connector = await ConnectorResource.fetchById(connectorId);
  if (!connector) {
    throw new Error(`Connector ${connectorId} not found`);
  }
  const workspace = await getWorkspaceForConnector(connector);

  const r = await connector.markSyncSucceeded();
  if (r.isErr()) {
    logger.error({ connectorId, error: r.error }, "Could not mark the sync as succeeded");
    throw r.error;
  }
  const documentCount = r.value.documentCount;

  void emitAuditLogEventDirect({
    workspace,
    action: "connector.sync_completed",
    actor: { type: "system", id: "temporal", name: "Connector sync" },
    targets: [
      buildWorkspaceTarget(workspace),
      { type: "connector", id: connector.sId, name: connector.name },
    ],
    context: { location: "internal" },
    metadata: {
      documents_synced: String(documentCount),
      sync_type: syncType,
    },
  });

  logger.info({ connectorId, documentCount, syncType }, "Sync finalized");
}
