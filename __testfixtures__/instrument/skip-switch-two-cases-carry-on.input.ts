import { log } from "@temporalio/activity";

import { ConnectorResource } from "@app/lib/resources/connector_resource";
import type { WorkspaceType } from "@app/types/workspace";

export async function pauseConnectorActivity({
  owner,
  connectorId,
}: {
  owner: WorkspaceType;
  connectorId: string;
}): Promise<void> {
  const connector = await ConnectorResource.fetchById(owner, connectorId);
  if (!connector) {
    return;
  }
  const pauseRes = await connector.pause(owner);
  switch (pauseRes.status) {
    case "not_running":
      log.info("Connector was not running.", { connectorId });
      break;
    case "paused":
      break;
    case "failed":
      throw new Error(`Failed to pause connector ${connectorId}`);
  }
  log.info("Connector pause handled.", { connectorId });
}
