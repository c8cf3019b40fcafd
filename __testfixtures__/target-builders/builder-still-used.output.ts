import { buildAuditLogTarget, buildWorkspaceTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { AuditLogTarget } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";

// Shared by the export job, which sends these targets to the SIEM as well.
export function spaceExportTargets(auth: Authenticator, space: SpaceResource): AuditLogTarget[] {
  return [buildWorkspaceTarget(auth.getNonNullableWorkspace()), { type: "space", id: space.sId, name: space.name }];
}

export async function exportSpace(auth: Authenticator, space: SpaceResource) {
  await space.startExport(auth);
  void emitAuditLogEvent({
    auth,
    action: "space.exported",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("space", space)],
  });
}
