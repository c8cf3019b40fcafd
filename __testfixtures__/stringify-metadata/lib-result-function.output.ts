import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { MembershipResource } from "@app/lib/resources/membership_resource";
import type { MembershipRole } from "@app/lib/resources/membership_resource";
import { Err, Ok } from "@app/types/shared/result";
import type { Result } from "@app/types/shared/result";

export async function updateMemberRole(
  auth: Authenticator,
  { userId, role }: { userId: string; role: MembershipRole }
): Promise<Result<undefined, Error>> {
  const owner = auth.getNonNullableWorkspace();
  const [count] = await MembershipResource.updateRole({ workspaceId: owner.id, userId, newRole: role });
  if (count === 0) {
    return new Err(new Error("Failed to update the member role."));
  }

  void emitAuditLogEvent({
    auth,
    action: "member.role_updated",
    targets: [{ type: "workspace", id: owner.sId, name: owner.name }],
    metadata: { user_id: userId, role, updated_rows: count },
  });

  return new Ok(undefined);
}
