import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
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

  void emitAuditLogEvent({
    auth,
    action: "role.updated",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "agent", id: agent.sId, name: agent.name },
    ],
    context: getAuditLogContext(auth),
    metadata: {
      roles: assignments.map(({ role }) => role).join(","),
      editors: assignments.filter(({ role: r }) => r === "editor").map((a) => { const { userId } = a; return userId; }).join(","),
    },
  });

  return new Ok(undefined);
}
