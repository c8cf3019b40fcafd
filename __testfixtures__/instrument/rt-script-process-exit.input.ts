import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { Authenticator } from "@app/lib/auth";
import { rotateWorkspaceSecret } from "@app/lib/api/workspace_secrets";
import { makeScript } from "@app/scripts/helpers";

makeScript(
  {
    workspaceId: { type: "string", demandOption: true },
    secretName: { type: "string", demandOption: true },
  },
  async ({ workspaceId, secretName, execute }, logger) => {
    const auth = await Authenticator.internalAdminForWorkspace(workspaceId);
    const owner = auth.getNonNullableWorkspace();

    if (!execute) {
      logger.info({ workspaceId: owner.sId, secretName }, "Dry run: would rotate secret");
      return;
    }

    const rotateRes = await rotateWorkspaceSecret(auth, { name: secretName });
    if (rotateRes.isErr()) {
      logger.error({ error: rotateRes.error, secretName }, "Rotation failed");
      process.exit(1);
    }

    const { version } = rotateRes.value;

    logger.info({ secretName, version }, "Secret rotated");
  },
);
