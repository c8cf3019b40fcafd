import { analytics } from "@app/lib/analytics";
import { sanitizeProperties } from "@app/lib/analytics/sanitize";
import type { Authenticator } from "@app/lib/auth";
import type { AgentConfigurationResource } from "@app/lib/resources/agent_configuration_resource";

export async function publishAgent(auth: Authenticator, agent: AgentConfigurationResource): Promise<void> {
  const user = auth.getNonNullableUser();
  const result = await agent.publish(auth);
  if (result.isErr()) {
    throw result.error;
  }

  analytics.track({
    event: "agent_published",
    // The user who pressed "Publish".
    actorId: user.sId, // sId, never the model id
    properties: sanitizeProperties({
      agentId: agent.sId,
      scope: agent.scope,
    }),
  });

  // Already in the new shape: nothing to do.
  analytics.track({ event: "agent_viewed", actorId: user.sId, properties: sanitizeLater({ agentId: agent.sId }) });
}

function sanitizeLater<T>(value: T): T {
  return value;
}
