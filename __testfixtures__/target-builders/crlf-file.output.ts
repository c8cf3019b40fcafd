import { buildAuditLogTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { KeyResource } from "@app/lib/resources/api_key_resource";

export async function revokeKey(auth: Authenticator, key: KeyResource) {
  const r = await key.revoke(auth);
  if (r.isErr()) {
    return r;
  }
  void emitAuditLogEvent({
    auth,
    action: "api_key.revoked",
    targets: [
      buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),
      buildAuditLogTarget("api_key", key),
    ],
  });
  return r;
}
