import { log } from "@temporalio/activity";

import { GroupResource } from "@app/lib/resources/group_resource";
import { emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import { UserResource } from "@app/lib/resources/user_resource";
import type { LightWorkspaceType } from "@app/types/workspace";

/**
 * Removes from a provisioned group the members the identity provider no longer lists.
 */
export async function pruneProvisionedGroupMembersActivity({
  workspace,
  groupId,
  memberIds,
}: {
  workspace: LightWorkspaceType;
  groupId: string;
  memberIds: string[];
}): Promise<void> {
  const group = await GroupResource.fetchByModelIdForWorkspace(workspace, groupId);
  if (!group) {
    log.warn("Provisioned group not found, nothing pruned.", { groupId });
    return;
  }
  const users = await UserResource.fetchByIds(memberIds);

  const result = await group.pruneMembersNotIn(workspace, users);
  if (result.isErr()) {
    throw result.error;
  }

  void emitAuditLogEventDirect({
    workspace,
    action: "group.members_pruned",
    actor: { type: "system", id: "scim", name: "Directory sync" },
    targets: [
      { type: "workspace", id: workspace.sId, name: workspace.name },
      { type: "group", id: group.sId, name: group.name },
    ],
    context: { location: "internal" },
    metadata: {
      provider: "scim",
    },
  });

  log.info("Provisioned group pruned.", { groupId, removed: result.value.length });
}
