import {
  buildAuditLogTarget as auditTarget,
  emitAuditLogEvent,
} from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { AgentResource } from "@app/lib/resources/agent_resource";
import { Err, Ok, type Result } from "@app/types/shared/result";

export async function publishAgent(auth: Authenticator, agent: AgentResource): Promise<Result<void, Error>> {
  const r = await agent.publish(auth);
  if (r.isErr()) {
    return new Err(r.error);
  }
  void emitAuditLogEvent({
    auth,
    action: "agent.published",
    targets: [
      auditTarget("workspace", auth.getNonNullableWorkspace()),
      auditTarget("agent", agent),
      auditTarget("agent_version", r.value),
    ],
  });
  return new Ok(undefined);
}
