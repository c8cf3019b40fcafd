// Mounted at /api/w/:wId/agents.

import { analytics } from "@app/lib/analytics";
import { sanitizeProperties as sanitize } from "@app/lib/analytics/sanitize";
import { apiErrorForHono } from "@app/lib/api/errors";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { AgentConfigurationResource } from "@app/lib/resources/agent_configuration_resource";

const app = createWorkspaceRouter();

app.delete("/:aId", async (ctx) => {
  const auth = ctx.get("auth");
  const agent = await AgentConfigurationResource.fetchById(auth, ctx.req.param("aId"));
  if (!agent) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "agent_configuration_not_found", message: "The agent was not found." },
    });
  }
  await agent.archive(auth);
  analytics.track({ actorId: auth.getNonNullableUser().sId, event: "agent_archived", properties: sanitize({ agentId: agent.sId }) });
  return ctx.body(null, 204);
});

export default app;
