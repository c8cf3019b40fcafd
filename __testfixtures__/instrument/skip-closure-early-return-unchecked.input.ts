import type { Authenticator } from "@app/lib/auth";
import { withLock } from "@app/lib/lock";
import type { ConnectorResource } from "@app/lib/resources/connector_resource";
import logger from "@app/logger/logger";

export async function pauseConnector(auth: Authenticator, connector: ConnectorResource): Promise<string> {
  await withLock(`connector_${connector.id}`, async () => {
    const r = await connector.pause(auth);
    if (r.isErr()) {
      logger.error({ connectorId: connector.id, error: r.error }, "Could not pause connector");
      return;
    }
    await connector.markPaused();
  });
  const pausedAt = new Date().toISOString();
  return pausedAt;
}
