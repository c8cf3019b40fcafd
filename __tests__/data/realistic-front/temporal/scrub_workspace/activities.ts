import { buildAuditLogTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import { getWorkspaceInfos } from "@app/lib/api/workspace";
import { DataSourceResource } from "@app/lib/resources/data_source_resource";
import { SpaceResource } from "@app/lib/resources/space_resource";
import logger from "@app/logger/logger";

export async function scrubWorkspaceDataActivity({ workspaceId }: { workspaceId: string }): Promise<void> {
  const workspace = await getWorkspaceInfos(workspaceId);
  if (!workspace) {
    throw new Error(`Workspace ${workspaceId} not found`);
  }
  const startedAt = Date.now();
  let dataSourceCount = 0;

  const spaces = await SpaceResource.listWorkspaceSpacesForInternalUse(workspace);
  for (const space of spaces) {
    const dataSources = await DataSourceResource.listBySpace(workspace, space);
    for (const dataSource of dataSources) {
      await dataSource.hardDelete(workspace);
      dataSourceCount++;
    }
    await space.hardDelete(workspace);
  }

  void emitAuditLogEventDirect({
    workspace,
    actor: { type: "system", id: "temporal", name: "Workspace Scrubber" },
    action: "workspace.scrubbed",
    targets: [buildAuditLogTarget("workspace", workspace)],
    context: { location: "internal" },
    metadata: {
      space_count: String(spaces.length),
      data_source_count: String(dataSourceCount),
      duration_ms: String(Date.now() - startedAt),
    },
  });

  logger.info({ workspaceId, dataSourceCount }, "Scrubbed workspace data");
}
