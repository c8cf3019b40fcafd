import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { MembershipResource } from "@app/lib/resources/membership_resource";
import { Ok } from "@app/types/shared/result";
import type { Result } from "@app/types/shared/result";

// Numbers, booleans and values whose type the syntax does not show are all wrapped.
export async function updateSeats(auth: Authenticator, membership: MembershipResource, seats: number, role?: string): Promise<Result<undefined, Error>> {
  const previousSeats = membership.seats;
  await membership.updateSeats(seats);
  void emitAuditLogEvent({
    auth,
    action: "member.seats_updated",
    targets: [{ type: "user", id: membership.user.sId, name: membership.user.fullName() }],
    metadata: {
      seats: String(seats),
      previous_seats: String(previousSeats),
      user_name: String(membership.user.name),
      role: String(role),
      is_admin: String(membership.role === "admin"),
      trial: String(membership.trialEndsAt?.toISOString()),
      display: String(membership.user.name || "unknown"),
      label: String(seats > 1 ? "many" : seats),
      updated_at: String(membership.updatedAt.getTime()),
    },
  });

  return new Ok(undefined);
}
