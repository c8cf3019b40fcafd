import type { Request, Response } from "express";
import express from "express";

import { ConnectorResource } from "@connectors/resources/connector_resource";
import { getWorkspaceForConnector } from "@connectors/lib/workspace";
import logger from "@connectors/logger/logger";
import { verifyWebhookSignature } from "@connectors/middleware/webhook";

export const router = express.Router();

router.delete("/webhooks/:connectorId", verifyWebhookSignature, async (req: Request, res: Response) => {
  const connector = await ConnectorResource.fetchById(req.params.connectorId);
  if (!connector) {
    return res.status(404).json({ error: "connector_not_found" });
  }
  const workspace = await getWorkspaceForConnector(connector);

  const deleted = await connector.delete();
  logger.info({ connectorId: connector.id, deleted: deleted.isOk() }, "Connector deletion requested by provider");
  if (deleted.isErr()) {
    return res.status(500).json({ error: deleted.error.message });
  }

  return res.status(204).end();
});
