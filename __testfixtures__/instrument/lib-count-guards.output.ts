import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { GroupMembershipModel } from "@app/lib/resources/storage/models/group_memberships";
import type { GroupResource } from "@app/lib/resources/group_resource";
import type { UserResource } from "@app/lib/resources/user_resource";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";

/**
 * Removes a member from a group. Returns an error when the user was not a member.
 */
export async function removeGroupMember(
  auth: Authenticator,
  { group, user }: { group: GroupResource; user: UserResource }
): Promise<Result<undefined, Error>> {
  if (!group.canWrite(auth)) {
    return new Err(new Error("Only group editors can remove members."));
  }

  const [count] = await GroupMembershipModel.update(
    { endAt: new Date() },
    { where: { groupId: group.id, userId: user.id, endAt: null } }
  );
  if (count === 0) {
    return new Err(new Error("The user is not a member of this group."));
  }
  if (count > 1) {
    // Two open memberships for one user: a data bug, but they are all closed now.
    throw new Error(`Closed ${count} memberships for one user.`);
  }

  void emitAuditLogEvent({
    auth,
    action: "group.member_removed",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "group", id: group.sId, name: group.name },
      { type: "user", id: user.sId, name: user.name },
    ],
    context: getAuditLogContext(auth),
  });

  return new Ok(undefined);
}
