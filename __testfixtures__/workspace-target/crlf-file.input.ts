import { buildWorkspaceTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { AgentResource } from "@app/lib/resources/agent_resource";

export async function archiveAgent(auth: Authenticator, agent: AgentResource) {
  const r = await agent.archive(auth);
  if (r.isErr()) {
    return r;
  }
  void emitAuditLogEvent({
    auth,
    action: "agent.archived",
    targets: [
      { type: "agent", id: agent.sId, name: agent.name },
    ],
  });
  return r;
}

export async function restoreAgent(auth: Authenticator, agent: AgentResource) {
  await agent.restore(auth);
  void emitAuditLogEvent({
    auth,
    action: "agent.restored",
    targets: [
      { type: "agent", id: agent.sId, name: agent.name },
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
    ],
  });
}
