import { Context } from "@temporalio/activity";

import { buildWorkspaceTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import { ConnectorResource } from "@app/lib/resources/connector_resource";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import mainLogger from "@app/logger/logger";

const logger = mainLogger.child({ activity: "pauseConnector" });

export async function pauseConnectorForBillingActivity({
  workspaceId,
  connectorId,
  reason,
}: {
  workspaceId: string;
  connectorId: string;
  reason: "payment_failed" | "plan_downgraded";
}): Promise<{ paused: boolean }> {
  const workspace = await WorkspaceResource.fetchById(workspaceId);
  if (!workspace) {
    throw new Error(`Workspace not found: ${workspaceId}`);
  }

  const connector = await ConnectorResource.fetchById(connectorId);
  if (!connector) {
    logger.warn({ connectorId }, "Connector already deleted, nothing to pause");
    return { paused: false };
  }
  if (connector.isPaused()) {
    return { paused: false };
  }

  Context.current().heartbeat();

  const pauseRes = await connector.pause({ reason });
  if (pauseRes.isErr()) {
    logger.error({ connectorId, error: pauseRes.error }, "Failed to pause connector");
    throw pauseRes.error;
  }

  void emitAuditLogEventDirect({
    workspace,
    action: "connector.paused",
    actor: { type: "system", id: "temporal", name: "Billing" },
    targets: [
      buildWorkspaceTarget(workspace),
      { type: "connector", id: connector.sId, name: connector.name },
    ],
    context: { location: "internal" },
    metadata: {
      reason,
    },
  });

  logger.info({ connectorId, reason }, "Connector paused");
  return { paused: true };
}
