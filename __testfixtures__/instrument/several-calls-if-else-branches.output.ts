import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { MembershipResource } from "@app/lib/resources/membership_resource";
import type { UserResource } from "@app/lib/resources/user_resource";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";

export async function changeRole(
  auth: Authenticator,
  user: UserResource,
  membership: MembershipResource,
  role: "admin" | "builder" | "user"
): Promise<Result<void, Error>> {
  if (role === "admin") {
    const r = await membership.updateRole(auth, { role, allowLastAdminRemoval: false });
    if (r.isErr()) {
      return new Err(new Error(`Cannot promote ${user.sId}: ${r.error.message}`));
    }

    void emitAuditLogEvent({
      auth,
      action: "user.role_updated",
      targets: [
        buildWorkspaceTarget(auth.getNonNullableWorkspace()),
        { type: "user", id: user.sId, name: user.name },
      ],
      context: getAuditLogContext(auth),
      metadata: {
        new_role: role,
      },
    });
  } else {
    const r = await membership.updateRole(auth, { role, allowLastAdminRemoval: true });
    if (r.isErr()) {
      return r;
    }

    void emitAuditLogEvent({
      auth,
      action: "user.role_updated",
      targets: [
        buildWorkspaceTarget(auth.getNonNullableWorkspace()),
        { type: "user", id: user.sId, name: user.name },
      ],
      context: getAuditLogContext(auth),
      metadata: {
        new_role: role,
      },
    });
  }
  return new Ok(undefined);
}
