import { buildAuditLogTarget, buildWorkspaceTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import { Ok, type Result } from "@app/types/shared/result";

export async function syncGroups(auth: Authenticator, groupIds: string[], groupsById: Record<string, GroupResource>, kind: "group" | "team"): Promise<Result<void, Error>> {
  for (const groupId of groupIds) {
    const group = await GroupResource.fetchById(auth, groupId);
    if (!group) {
      continue;
    }
    await group.sync(auth);
    void emitAuditLogEvent({
      auth,
      action: "group.synced",
      targets: [
        buildWorkspaceTarget(auth.getNonNullableWorkspace()),
        buildAuditLogTarget("group", await GroupResource.fetchById(auth, groupId)),
        buildAuditLogTarget(kind, group),
        buildAuditLogTarget("group"),
        buildAuditLogTarget("group", group.parent ?? group),
        { type: "group", id: groupsById[groupId].sId, name: groupsById[groupId].name },
      ],
    });
  }
  return new Ok(undefined);
}
