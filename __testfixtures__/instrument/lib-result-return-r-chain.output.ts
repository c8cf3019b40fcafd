import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { AgentConfigurationResource } from "@app/lib/resources/agent_configuration_resource";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";

export async function publishAgent(auth: Authenticator, agent: AgentConfigurationResource): Promise<Result<number, Error>> {
  const r = await agent.publish(auth);
  if (r.isErr()) {
    return r;
  }
  const { version, warnings } = r.value;

  void emitAuditLogEvent({
    auth,
    action: "agent.published",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "agent", id: agent.sId, name: agent.name },
    ],
    context: getAuditLogContext(auth),
    metadata: {
      version: String(version),
    },
  });

  if (warnings.length > 0) {
    return new Err(new Error(`Published with warnings: ${warnings.join(", ")}`));
  }
  return new Ok(version);
}
