import type { Authenticator } from "@app/lib/auth";
import type { AgentConfigurationResource } from "@app/lib/resources/agent_configuration_resource";
import logger from "@app/logger/logger";

export async function archiveAgent(auth: Authenticator, agent: AgentConfigurationResource): Promise<void> {
  if ((await agent.archive(auth)).status === "archived") {
    logger.info({ agentId: agent.sId }, "Agent archived");
  }
}
