import type { Authenticator } from "@app/lib/auth";
import type { MembershipResource } from "@app/lib/resources/membership_resource";
import type { UserResource } from "@app/lib/resources/user_resource";

export async function demoteThenMaybePromote(auth: Authenticator, user: UserResource, membership: MembershipResource, promote: boolean) {
  await membership.updateRole(auth, { role: "user" });
  if (promote) {
    await membership.updateRole(auth, { role: "builder" });
  }
}
