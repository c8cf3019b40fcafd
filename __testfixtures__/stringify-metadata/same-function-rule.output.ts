import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";

const DEFAULT_KIND = "regular";

// Only bindings of the emitting function count: a module constant or a closure variable is not
// looked at (--typecheck knows better), so both get String(...), which is harmless.
export function makeSpaceAuditor(auth: Authenticator, origin: string) {
  const auditorName: string = "space-auditor";

  return async function auditSpaceMove(space: SpaceResource, targetFolder: string) {
    const movedBy = `${auditorName}:${origin}`;
    const kind = DEFAULT_KIND;
    let destination = targetFolder;
    void emitAuditLogEvent({
      auth,
      action: "space.moved",
      targets: [{ type: "space", id: space.sId, name: space.name }],
      metadata: {
        moved_by: movedBy,
        destination,
        kind,
        auditor: auditorName,
        origin,
        default_kind: DEFAULT_KIND,
      },
    });
    destination = "";
    return destination;
  };
}
