import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";

export async function removeMember(auth: Authenticator, user: UserResource) {
  const [count] = await MembershipResource.revoke(auth, user);
  if (count === 0) {
    return new Err(new Error("not a member"));
  }
  await emitAuditLogEvent({ auth, action: "member.removed", targets: [] });
  return new Ok(undefined);
}
