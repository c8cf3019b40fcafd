import { emitAuditLogEvent as emitAudit, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { GroupResource } from "@app/lib/resources/group_resource";

// This module imports the helper under a shorter name; its emits are still emits.
export async function renameGroup(auth: Authenticator, group: GroupResource, name: string) {
  const r = await group.rename(auth, name);
  if (r.isErr()) {
    return r;
  }
  await emitAudit({
    auth,
    action: "group.renamed",
    targets: [{ type: "group", id: group.sId, name: group.name }],
    context: getAuditLogContext(auth),
  });
  return r;
}

export function emitLater(auth: Authenticator) {
  return emitAudit({ auth, action: "group.renamed", targets: [] });
}
