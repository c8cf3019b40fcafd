import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { ApiKeyResource } from "@app/lib/resources/api_key_resource";
import logger from "@app/logger/logger";

export async function revokeKey(auth: Authenticator, key: ApiKeyResource) {
  return key.revoke(auth);
}

export async function revokeKeyLogged(auth: Authenticator, key: ApiKeyResource) {
  if (await key.revoke(auth)) {
    void emitAuditLogEvent({
      auth,
      action: "api_key.revoked",
      targets: [
        buildWorkspaceTarget(auth.getNonNullableWorkspace()),
        { type: "api_key", id: key.sId, name: key.name },
      ],
      context: getAuditLogContext(auth),
    });

    logger.info({ keyId: key.sId }, "Key revoked");
  }
}

export async function revokeKeyLater(auth: Authenticator, key: ApiKeyResource) {
  await key.revoke(auth).then(() => logger.info("done"));
}
