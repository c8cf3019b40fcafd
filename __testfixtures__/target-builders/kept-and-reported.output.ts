import { buildAuditLogTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { KeyResource } from "@app/lib/resources/api_key_resource";
import type { GroupResource } from "@app/lib/resources/group_resource";
import type { UserResource } from "@app/lib/resources/user_resource";

export async function rotateKey(auth: Authenticator, key: KeyResource, group: GroupResource, user: UserResource, kind: string) {
  const r = await key.rotate(auth);
  if (r.isErr()) {
    return r;
  }
  void emitAuditLogEvent({
    auth,
    action: "api_key.rotated",
    targets: [
      buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),
      { type: "api_key", id: String(key.id), name: key.name },
      { type: "group", id: group.sId, name: user.name },
      { type: "user", id: user.sId, name: user.fullName() },
      { type: "user", id: user.sId, name: user.name, email: user.email },
      { type: "api_key", id: key.sId },
      { type: kind, id: key.sId, name: key.name },
      { ...buildAuditLogTarget("group", group), name: group.displayName },
      buildAuditLogTarget("space", key.space),
    ],
  });
  return r;
}
