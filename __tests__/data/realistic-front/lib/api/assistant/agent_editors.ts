import { buildAuditLogTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { AgentConfigurationResource } from "@app/lib/resources/agent_configuration_resource";
import { GroupResource } from "@app/lib/resources/group_resource";
import type { UserResource } from "@app/lib/resources/user_resource";
import type { Result } from "@app/types";
import { Err, Ok } from "@app/types";

export async function setAgentEditors(
  auth: Authenticator,
  { agentId, editors }: { agentId: string; editors: UserResource[] }
): Promise<Result<{ editorCount: number }, Error>> {
  const agent = await AgentConfigurationResource.fetchById(auth, agentId);
  if (!agent) {
    return new Err(new Error(`Agent ${agentId} not found.`));
  }
  const group = await GroupResource.fetchByAgentConfiguration(auth, agent);
  if (!group) {
    return new Err(new Error("The agent has no editors group."));
  }

  const r = await group.setMembers(auth, editors);
  if (r.isErr()) {
    return r;
  }

  void emitAuditLogEvent({
    auth,
    action: "agent.editors_updated",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("agent", agent)],
    metadata: {
      editor_ids: editors.map((e) => e.sId).join(","),
      editor_count: String(editors.length),
    },
  });

  return new Ok({ editorCount: editors.length });
}
