import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";

export async function renameSpace(auth: Authenticator, space: SpaceResource, name: string, reason?: string) {
  const previousName: string = space.name;
  const label = `space:${space.sId}`;
  const r = await space.updateName(auth, name);
  if (r.isErr()) {
    return r;
  }

  void emitAuditLogEvent({
    auth,
    action: "space.updated",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "space", id: space.sId, name: space.name },
    ],
    context: getAuditLogContext(auth),
    metadata: {
      name,
      previous_name: previousName,
      label,
      reason: String(reason),
      member_ids: space.memberIds.join(","),
      restricted: String(space.isRestricted()),
      changed_at: new Date().toISOString(),
    },
  });

  return r;
}
