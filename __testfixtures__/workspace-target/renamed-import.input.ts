import {
  buildWorkspaceTarget as workspaceTarget,
  emitAuditLogEvent,
} from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { MembershipResource } from "@app/lib/resources/membership_resource";
import type { UserResource } from "@app/lib/resources/user_resource";

export async function changeRole(auth: Authenticator, membership: MembershipResource, user: UserResource, role: string) {
  const previous = membership.role;
  await membership.updateRole(auth, role);

  void emitAuditLogEvent({
    auth,
    action: "member.role_updated",
    targets: [
      { type: "user", id: user.sId, name: user.fullName() },
      workspaceTarget(auth.getNonNullableWorkspace()),
    ],
    metadata: { previous_role: previous, role },
  });
}

export async function revokeMembership(auth: Authenticator, membership: MembershipResource, user: UserResource) {
  await membership.revoke(auth);

  void emitAuditLogEvent({
    auth,
    action: "member.revoked",
    targets: [
      { type: "user", id: user.sId, name: user.fullName() },
    ],
  });
}
