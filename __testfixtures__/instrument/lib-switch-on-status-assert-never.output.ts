import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { MembershipResource } from "@app/lib/resources/membership_resource";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";
import { assertNever } from "@app/types/shared/utils/assert_never";

export class MembershipRevocationError extends Error {
  constructor(readonly code: "not_found" | "last_admin") {
    super(code);
  }
}

/**
 * Revokes a member. The last admin of a workspace cannot be revoked: the caller must promote
 * someone else first.
 */
export async function revokeMember(
  auth: Authenticator,
  membership: MembershipResource
): Promise<Result<{ previousRole: string }, MembershipRevocationError>> {
  const previousRole = membership.role;
  const revokeRes = await membership.revoke(auth);
  switch (revokeRes.status) {
    case "not_found":
      return new Err(new MembershipRevocationError("not_found"));
    case "last_admin":
      return new Err(new MembershipRevocationError("last_admin"));
    case "already_revoked":
    case "revoked":
      break;
    default:
      assertNever(revokeRes.status);
  }

  void emitAuditLogEvent({
    auth,
    action: "membership.revoked",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "user", id: membership.user.sId, name: membership.user.name },
    ],
    context: getAuditLogContext(auth),
    metadata: {
      previous_role: String(previousRole),
    },
  });

  await membership.invalidateSessionCache();
  return new Ok({ previousRole });
}
