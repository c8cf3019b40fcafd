import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";

// Windows line endings must survive the edit.
export async function deleteSpace(auth: Authenticator, space: SpaceResource) {
  const r = await space.delete(auth);
  if (r.isErr()) {
    return r;
  }

  void emitAuditLogEvent({
    auth,
    action: "space.deleted",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "space", id: space.sId, name: space.name },
    ],
    context: getAuditLogContext(auth),
  });

  return r;
}
