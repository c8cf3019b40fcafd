import { buildWorkspaceTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
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
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "api_key", id: key.sId, name: key.name },
    ],
  });
  return r;
}
