import { buildWorkspaceTarget, emitAuditLogEvent, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { GroupResource } from "@app/lib/resources/group_resource";
import type { LightWorkspaceType } from "@app/types/workspace";

export async function renameGroup(auth: Authenticator, group: GroupResource, name: string) {
  await group.updateName(auth, name);
  // Hugging object, no trailing comma.
  void emitAuditLogEvent({
    auth,
    action: "group.updated",
    targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace()), {
      type: "group",
      id: group.sId,
      name: group.name,
    }],
    metadata: { name },
  });
  // Bracket on the last element's line.
  void emitAuditLogEvent({
    auth,
    action: "group.updated",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "group", id: group.sId, name: group.name }],
  });
  // Spaces inside the brackets, no trailing comma.
  void emitAuditLogEvent({ auth, action: "group.updated", targets: [ buildWorkspaceTarget(auth.getNonNullableWorkspace()), { type: "group", id: group.sId, name: group.name } ] });
  // Two elements on separate lines, no trailing comma after the last.
  void emitAuditLogEvent({
    auth,
    action: "group.updated",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "group", id: group.sId, name: group.name },
      { type: "user", id: auth.getNonNullableUser().sId, name: auth.getNonNullableUser().fullName() }
    ]
  });
}

export async function deleteGroupActivity(workspace: LightWorkspaceType, group: GroupResource): Promise<void> {
  await group.delete();
  await emitAuditLogEventDirect({ workspace, action: "group.deleted", actor: { type: "system", id: "temporal", name: "Cleanup" }, targets: [buildWorkspaceTarget(workspace), { type: "group", id: group.sId, name: group.name }], context: { location: "internal" } });
  return emitAuditLogEventDirect({
    workspace,
    action: "group.deleted",
    actor: { type: "system", id: "temporal", name: "Cleanup" },
    targets: [
      buildWorkspaceTarget(workspace),
      { type: "group", id: group.sId, name: group.name },
    ],
  });
}
