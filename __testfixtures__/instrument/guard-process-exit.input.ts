import { updateWorkspaceDataRetention } from "@app/lib/api/workspace";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import logger from "@app/logger/logger";

export async function setRetention(workspaceId: string, days: number): Promise<void> {
  const workspace = await WorkspaceResource.fetchById(workspaceId);
  if (!workspace) {
    logger.error({ workspaceId }, "Workspace not found");
    process.exit(1);
  }

  const r = await updateWorkspaceDataRetention(workspace, { days });
  if (r.isErr()) {
    logger.error({ workspaceId, error: r.error }, "Could not update data retention");
    process.exit(1);
  }

  logger.info({ workspaceId, days }, "Data retention updated");
}
