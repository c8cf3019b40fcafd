import { buildWorkspaceTarget, emitAuditLogEvent, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import type { AuditLogEventParams, AuditLogTarget } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";

function spaceTargets(space: SpaceResource): AuditLogTarget[] {
  return [{ type: "space", id: space.sId, name: space.name }];
}

export async function archiveSpaces(auth: Authenticator, spaces: SpaceResource[], extraTargets: AuditLogTarget[]) {
  for (const space of spaces) {
    await space.archive(auth);
    const targets = spaceTargets(space);
    void emitAuditLogEvent({ auth, action: "space.archived", targets });
    void emitAuditLogEvent({ auth, action: "space.archived", targets: spaceTargets(space) });
    void emitAuditLogEvent({ auth, action: "space.archived", targets: [...extraTargets, { type: "space", id: space.sId, name: space.name }] });
    void emitAuditLogEvent({ auth, action: "space.archived", targets: [...extraTargets, buildWorkspaceTarget(auth.getNonNullableWorkspace())] });
  }
}

export async function replayEvent(event: AuditLogEventParams, base: Omit<AuditLogEventParams, "targets">) {
  void emitAuditLogEvent(event);
  void emitAuditLogEvent({ ...base, action: "space.archived" });
  void emitAuditLogEventDirect({
    action: "space.archived",
    actor: { type: "system", id: "replay", name: "Replay" },
    targets: [{ type: "space", id: "spc_123", name: "Archived" }],
  });
}
