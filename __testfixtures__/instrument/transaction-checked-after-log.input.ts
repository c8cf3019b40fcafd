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
    });
  } catch (err) {
    return new Err(err instanceof Error ? err : new Error(String(err)));
  }
  return new Ok(undefined);
}
