import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { ConversationResource } from "@app/lib/resources/conversation_resource";

export async function leaveConversation(auth: Authenticator, conversation: ConversationResource, { purge }: { purge: boolean }) {
  if (purge) await conversation.purgeMessages(auth);
  return conversation.removeParticipant(auth);
}
