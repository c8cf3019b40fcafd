import { buildAuditLogTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import { KeyResource } from "@app/lib/resources/key_resource";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import { makeScript } from "@app/scripts/helpers";

const STALE_AFTER_DAYS = 365;

makeScript({}, async ({ execute }, logger) => {
  const staleBefore = new Date(Date.now() - STALE_AFTER_DAYS * 24 * 60 * 60 * 1000);
  const keys = await KeyResource.listActiveCreatedBefore(staleBefore);
  logger.info({ count: keys.length }, "Stale API keys");

  for (const key of keys) {
    const workspace = await WorkspaceResource.fetchByModelId(key.workspaceId);
    if (!workspace || !execute) {
      continue;
    }
    const rotated = await key.rotateSecret(null);
    if (rotated.isErr()) {
      logger.error({ keyId: key.sId, err: rotated.error }, "Rotation failed");
      continue;
    }

    await emitAuditLogEventDirect({
      workspace: workspace.toLightJSON(),
      actor: { type: "system", id: "script", name: "Key rotation" },
      action: "api_key.rotated",
      targets: [buildAuditLogTarget("workspace", workspace.toLightJSON()), buildAuditLogTarget("api_key", key)],
      context: { location: "internal" },
      metadata: { key_name: key.name, rotated_by: "script" },
    });
  }
});
