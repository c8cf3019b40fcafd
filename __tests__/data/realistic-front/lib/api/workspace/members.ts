import { buildAuditLogTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { MembershipResource } from "@app/lib/resources/membership_resource";
import type { UserResource } from "@app/lib/resources/user_resource";
import type { MembershipRoleType, Result } from "@app/types";
import { Err, Ok } from "@app/types";

/** Used by the admin API and the SCIM sync: same event either way. */
export async function updateMemberRole(
  auth: Authenticator,
  user: UserResource,
  role: MembershipRoleType
): Promise<Result<{ previousRole: MembershipRoleType }, Error>> {
  const owner = auth.getNonNullableWorkspace();
  const membership = await MembershipResource.getActiveMembershipOfUserInWorkspace({ user, workspace: owner });
  if (!membership) {
    return new Err(new Error("The user is not a member of this workspace."));
  }
  const previousRole = membership.role;
  if (previousRole === role) {
    return new Ok({ previousRole });
  }

  const [count] = await MembershipResource.updateRole({ membershipId: membership.id, role });
  if (count === 0) {
    return new Err(new Error("The membership changed meanwhile."));
  }

  void emitAuditLogEvent({
    auth,
    action: "membership.role_updated",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("user", { sId: user.sId, name: user.email })],
    metadata: { previous_role: previousRole, new_role: role },
  });

  return new Ok({ previousRole });
}
