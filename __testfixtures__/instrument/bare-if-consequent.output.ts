import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { ConversationResource } from "@app/lib/resources/conversation_resource";

export async function leaveConversation(auth: Authenticator, conversation: ConversationResource, { purge }: { purge: boolean }) {
  if (purge) {
    await conversation.purgeMessages(auth);

    void emitAuditLogEvent({
      auth,
      action: "conversation.messages_purged",
      targets: [
        buildWorkspaceTarget(auth.getNonNullableWorkspace()),
        { type: "conversation", id: conversation.sId, name: conversation.name },
      ],
      context: getAuditLogContext(auth),
    });
  }
  return conversation.removeParticipant(auth);
}
