import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";

export async function archive(auth: Authenticator, agent: AgentResource) {
  await agent.archive(auth);
  void emitAuditLogEvent({ auth, action: "agent.archived", targets: [] });
  emitAuditLogEvent({ auth, action: "agent.archived", targets: [] });
}
