import type { Authenticator } from "@app/lib/auth";
import type { AgentConfigurationResource } from "@app/lib/resources/agent_configuration_resource";
import type { Result } from "@app/types/shared/result";
import { Ok } from "@app/types/shared/result";

type Assignment = { userId: string; role: "editor" | "viewer" };

export async function setAgentRoles(auth: Authenticator, agent: AgentConfigurationResource, assignments: Assignment[]): Promise<Result<void, Error>> {
  const res = await agent.updateRoles(auth, assignments);
  if (res.isErr()) {
    return res;
  }
  return new Ok(undefined);
}
