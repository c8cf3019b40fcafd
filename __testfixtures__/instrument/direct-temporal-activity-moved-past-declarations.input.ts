import { ConnectorResource } from "@connectors/resources/connector_resource";
import { getWorkspaceForConnector } from "@connectors/lib/workspace";
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

  logger.info({ connectorId, documentCount, syncType }, "Sync finalized");
}
