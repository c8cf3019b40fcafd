import type { Authenticator } from "@app/lib/auth";
import { MembershipResource } from "@app/lib/resources/membership_resource";
import type { MembershipRole } from "@app/lib/resources/membership_resource";
import { Err, Ok } from "@app/types/shared/result";
import type { Result } from "@app/types/shared/result";

export class MemberRoleError extends Error {
  constructor(
    readonly code: "not_a_member" | "last_admin" | "update_failed",
    message: string
  ) {
    super(message);
  }
}

/**
 * Changes a member's role in the authenticated workspace. Refuses to demote
 * the last admin.
 */
export async function updateMemberRole(
  auth: Authenticator,
  { userId, role }: { userId: string; role: MembershipRole }
): Promise<Result<undefined, MemberRoleError>> {
  const owner = auth.getNonNullableWorkspace();

  const membership = await MembershipResource.getActiveMembership({
    workspaceId: owner.id,
    userId,
  });
  if (!membership) {
    return new Err(
      new MemberRoleError("not_a_member", "The user is not a member of this workspace.")
    );
  }

  if (membership.role === "admin" && role !== "admin") {
    const adminCount = await MembershipResource.countActiveAdmins(owner.id);
    if (adminCount <= 1) {
      return new Err(
        new MemberRoleError("last_admin", "Cannot demote the last admin of the workspace.")
      );
    }
  }

  const [count] = await MembershipResource.updateRole({
    workspaceId: owner.id,
    userId,
    newRole: role,
  });
  if (count === 0) {
    return new Err(new MemberRoleError("update_failed", "Failed to update the member role."));
  }

  return new Ok(undefined);
}
