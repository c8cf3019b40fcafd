import { scrubWorkspaceData } from "@app/lib/api/workspace";
import type { LightWorkspaceType } from "@app/types";
import { withTransaction } from "@app/lib/utils/sql_utils";
import logger from "@app/logger/logger";

export async function scrubWorkspaceActivity(workspace: LightWorkspaceType): Promise<boolean> {
  return withTransaction(async (transaction) => {
    try {
      await scrubWorkspaceData(workspace, { transaction });
    } catch (err) {
      logger.error({ err, workspaceId: workspace.sId }, "Workspace scrub failed");
      return false;
    }
    return true;
  });
}
