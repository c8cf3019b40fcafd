import { emitAuditLogEvent, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import type { AuditLogMetadata } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { LightWorkspaceType } from "@app/types/workspace";

export async function onSeatsChanged(auth: Authenticator, workspace: LightWorkspaceType, seats: number) {
  // `satisfies` and `as` keep an object literal an object literal.
  void emitAuditLogEvent({
    auth,
    action: "workspace.seats_updated",
    targets: [{ type: "workspace", id: workspace.sId, name: workspace.name }],
    metadata: { seats: String(seats) } satisfies AuditLogMetadata,
  });
  void emitAuditLogEventDirect({
    workspace,
    actor: { type: "system", id: "billing", name: "Billing" },
    action: "workspace.seats_updated",
    targets: [{ type: "workspace", id: workspace.sId, name: workspace.name }],
    context: { location: "internal" },
    metadata: { seats: String(seats), plan: workspace.plan } as AuditLogMetadata,
  });

  // No metadata: nothing to do.
  void emitAuditLogEvent({
    auth,
    action: "workspace.seats_viewed",
    targets: [{ type: "workspace", id: workspace.sId, name: workspace.name }],
  });
}
