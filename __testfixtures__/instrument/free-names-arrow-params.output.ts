import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { GroupResource } from "@app/lib/resources/group_resource";
import type { UserResource } from "@app/lib/resources/user_resource";
import type { Result } from "@app/types/shared/result";
import { Ok } from "@app/types/shared/result";

export async function addMembersToGroup(auth: Authenticator, group: GroupResource, users: UserResource[]): Promise<Result<void, Error>> {
  const addRes = await group.addMembers(auth, users);
  if (addRes.isErr()) {
    return addRes;
  }

  void emitAuditLogEvent({
    auth,
    action: "group.member_added",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "group", id: group.sId, name: group.name },
    ],
    context: getAuditLogContext(auth),
    metadata: {
      member_ids: users.map((u) => u.sId).join(","),
      member_count: String(users.filter((u) => u.isActive).length),
    },
  });

  return new Ok(undefined);
}
