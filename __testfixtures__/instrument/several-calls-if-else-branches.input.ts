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
  } else {
    const r = await membership.updateRole(auth, { role, allowLastAdminRemoval: true });
    if (r.isErr()) {
      return r;
    }
  }
  return new Ok(undefined);
}
