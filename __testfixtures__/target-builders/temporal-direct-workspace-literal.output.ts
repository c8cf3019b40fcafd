import { buildAuditLogTarget, emitAuditLogEventDirect } from "../../lib/api/audit/workos_audit";
import { MembershipResource } from "../../lib/resources/membership_resource";
import type { LightWorkspaceType } from "../../types/workspace";

export async function expireInvitationsActivity({ workspace }: { workspace: LightWorkspaceType }): Promise<number> {
  const expired = await MembershipResource.expirePendingInvitations(workspace);
  for (const invitation of expired) {
    void emitAuditLogEventDirect({
      workspace,
      action: "invitation.expired",
      actor: { type: "system", id: "temporal", name: "Invitation expiry" },
      targets: [
        buildAuditLogTarget("workspace", workspace),
        { type: "invitation", id: invitation.sId, name: invitation.email },
      ],
      context: { location: "internal" },
    });
  }
  return expired.length;
}
