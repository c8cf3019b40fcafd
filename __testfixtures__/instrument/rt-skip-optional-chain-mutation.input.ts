// Mounted at /api/w/:wId/assistant/conversations.

import { apiErrorForHono } from "@app/lib/api/errors";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { ConversationParticipantResource } from "@app/lib/resources/conversation_participant_resource";
import { ConversationResource } from "@app/lib/resources/conversation_resource";

const app = createWorkspaceRouter();

app.post("/:cId/leave", async (c) => {
  const auth = c.get("auth");
  const conversation = await ConversationResource.fetchById(auth, c.req.param("cId"));
  if (!conversation) {
    return apiErrorForHono(c, {
      status_code: 404,
      api_error: { type: "conversation_not_found", message: "The conversation was not found." },
    });
  }

  // Leaving a conversation one never joined is not an error.
  const participant = await ConversationParticipantResource.fetchForUser(auth, conversation);
  await participant?.remove(auth);

  return c.json({ success: true });
});

export default app;
