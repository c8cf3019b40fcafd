import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
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

  void emitAuditLogEvent({
    auth,
    action: "connector.paused",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "connector", id: connector.sId, name: connector.name },
    ],
    context: getAuditLogContext(auth),
    metadata: {
      paused_at: pausedAt,
    },
  });

  return new Ok(pausedAt);
}
