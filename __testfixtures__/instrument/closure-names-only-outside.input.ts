import type { Authenticator } from "@app/lib/auth";
import { withLock } from "@app/lib/lock";
import type { ConnectorResource } from "@app/lib/resources/connector_resource";
import type { Result } from "@app/types/shared/result";
import { Ok } from "@app/types/shared/result";

export async function pauseConnector(auth: Authenticator, connector: ConnectorResource): Promise<Result<string, Error>> {
  await withLock(`connector_${connector.id}`, async () => {
    await connector.pause(auth);
  });
  const pausedAt = new Date().toISOString();
  return new Ok(pausedAt);
}
