import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { MembershipResource } from "@app/lib/resources/membership_resource";
import { withTransaction } from "@app/lib/utils/sql_utils";
import logger from "@app/logger/logger";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";

export async function changeMemberRole(
  auth: Authenticator,
  membership: MembershipResource,
  role: "admin" | "builder" | "user"
): Promise<Result<void, Error>> {
  const previousRole = membership.role;
  try {
    await withTransaction(async (t) => {
      const updateRes = await membership.updateRole(auth, { role }, { transaction: t });
      const changed = updateRes.isOk() && updateRes.value.changed;
      logger.info({ membershipId: membership.sId, role, changed }, "Role change attempted");
      if (updateRes.isErr()) {
        throw updateRes.error;
      }

      void emitAuditLogEvent({
        auth,
        action: "membership.role_updated",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "user", id: membership.user.sId, name: membership.user.name },
        ],
        context: getAuditLogContext(auth),
        metadata: {
          previous_role: String(previousRole),
          role: String(role),
        },
      });
    });
  } catch (err) {
    return new Err(err instanceof Error ? err : new Error(String(err)));
  }
  return new Ok(undefined);
}
