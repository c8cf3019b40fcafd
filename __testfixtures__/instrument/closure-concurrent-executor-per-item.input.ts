import { ConversationResource } from "@app/lib/resources/conversation_resource";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import { concurrentExecutor } from "@app/lib/utils/async_utils";
import logger from "@app/logger/logger";

export async function purgeExpiredConversationsActivity({ workspaceId, cutoff }: { workspaceId: string; cutoff: number }): Promise<number> {
  const workspace = await WorkspaceResource.fetchById(workspaceId);
  if (!workspace) {
    throw new Error(`Workspace ${workspaceId} not found`);
  }
  const conversations = await ConversationResource.listOlderThan(workspace, cutoff);
  await concurrentExecutor(
    conversations,
    async (conversation) => {
      const r = await conversation.softDelete();
      if (r.isErr()) {
        logger.error({ conversationId: conversation.sId, error: r.error }, "Could not delete conversation");
        return;
      }
    },
    { concurrency: 4 }
  );
  return conversations.length;
}
