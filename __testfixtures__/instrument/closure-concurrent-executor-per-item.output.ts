import { ConversationResource } from "@app/lib/resources/conversation_resource";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import { buildWorkspaceTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
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

      void emitAuditLogEventDirect({
        workspace,
        action: "conversation.deleted",
        actor: { type: "system", id: "temporal", name: "Data retention" },
        targets: [
          buildWorkspaceTarget(workspace),
          { type: "conversation", id: conversation.sId, name: conversation.name },
        ],
        context: { location: "internal" },
      });
    },
    { concurrency: 4 }
  );
  return conversations.length;
}
