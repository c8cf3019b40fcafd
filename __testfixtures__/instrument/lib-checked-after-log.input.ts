import type { Authenticator } from "@app/lib/auth";
import type { AgentConfigurationResource } from "@app/lib/resources/agent_configuration_resource";
import logger from "@app/logger/logger";
import type { Result } from "@app/types/shared/result";
import { Ok } from "@app/types/shared/result";

/**
 * Publishes the agent's draft. Callers surface the error to the user; the log line is for on-call.
 */
export async function publishAgentDraft(
  auth: Authenticator,
  agent: AgentConfigurationResource,
  { force }: { force: boolean }
): Promise<Result<AgentConfigurationResource, Error>> {
  const owner = auth.getNonNullableWorkspace();
  const result = await agent.publish(auth, { force });
  logger.info(
    { workspaceId: owner.sId, agentId: agent.sId, force, ok: result.isOk() },
    "Agent publish attempted"
  );
  if (result.isErr()) {
    return result;
  }

  await agent.refreshVersionCache();
  return new Ok(agent);
}
