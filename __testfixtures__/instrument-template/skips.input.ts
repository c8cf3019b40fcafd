import type { Authenticator } from "@app/lib/auth";
import logger from "@app/lib/logger";
import type { SpaceResource } from "@app/lib/resources/space_resource";
import type { ConversationResource } from "@app/lib/resources/conversation_resource";

// No `space` here: the template's `space.sId` has nothing to read.
export async function archiveConversation(auth: Authenticator, conversation: ConversationResource): Promise<void> {
  const result = await conversation.archive(auth);
  if (result.isErr()) {
    throw result.error;
  }
  logger.info({ conversationId: conversation.sId }, "Conversation archived");
}

// One call per space: one event per iteration would be a guess.
export async function archiveAll(auth: Authenticator, spaces: SpaceResource[]): Promise<void> {
  for (const space of spaces) {
    const result = await space.archive(auth);
    if (result.isErr()) {
      logger.error({ err: result.error, spaceId: space.sId }, "Failed to archive a space");
    }
  }
}
