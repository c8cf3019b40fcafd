import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";

export async function revokeAll(auth: Authenticator, keys: KeyResource[]) {
  await Promise.all(keys.map((k) => k.revoke(auth)));
  await Promise.all([
    emitAuditLogEvent({ auth, action: "api_key.revoked", targets: [] }),
  ]);
  const pending = emitAuditLogEvent({ auth, action: "api_key.revoked", targets: [] });
  await emitAuditLogEvent({ auth, action: "api_key.revoked", targets: [] }).catch(() => undefined);
  return emitAuditLogEvent({ auth, action: "api_key.revoked", targets: [] });
}

export const emitLater = (auth: Authenticator) => emitAuditLogEvent({ auth, action: "api_key.revoked", targets: [] });
