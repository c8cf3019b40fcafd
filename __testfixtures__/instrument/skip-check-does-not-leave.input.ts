import type { Authenticator } from "@app/lib/auth";
import type { AgentConfigurationResource } from "@app/lib/resources/agent_configuration_resource";
import logger from "@app/logger/logger";

export async function publishAgent(auth: Authenticator, agent: AgentConfigurationResource) {
  const published = await agent.publish(auth);
  if (published.isErr()) {
    logger.error({ error: published.error }, "Failed to publish agent");
  }
  return agent;
}

export async function publishOrArchive(auth: Authenticator, agent: AgentConfigurationResource) {
  const r = await agent.publish(auth);
  if (r.value?.kind === "draft") {
    await agent.touch();
  } else {
    await agent.archive();
  }
}
