import { heartbeat } from "@temporalio/activity";

import { emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import { GroupResource } from "@app/lib/resources/group_resource";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";

export async function syncDirectoryGroupsActivity({ workspaceId, directoryId }: { workspaceId: string; directoryId: string }) {
  const workspace = await WorkspaceResource.fetchById(workspaceId);
  if (!workspace) {
    return;
  }

  const startedAt = Date.now();
  const { created, removed } = await GroupResource.syncFromDirectory(workspace, directoryId);
  heartbeat();

  void emitAuditLogEventDirect({
    workspace,
    actor: { type: "system", id: "workos", name: "Directory Sync" },
    action: "group.synced",
    targets: [{ type: "workspace", id: workspace.sId, name: workspace.name }],
    context: { location: "internal" },
    metadata: {
      directory_id: directoryId,
      created_count: created.length,
      removed_count: removed.length,
      duration_ms: Date.now() - startedAt,
    },
  });
}
