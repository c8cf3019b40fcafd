import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { AgentConfigurationResource } from "@app/lib/resources/agent_configuration_resource";
import type { Result } from "@app/types/shared/result";
import { Ok } from "@app/types/shared/result";

export async function archiveAgent(auth: Authenticator, agent: AgentConfigurationResource): Promise<Result<void, Error>> {
	const r = await agent.archive(auth);
	if (r.isErr()) {
		return r;
	}

	void emitAuditLogEvent({
		auth,
		action: "agent.archived",
		targets: [
			buildWorkspaceTarget(auth.getNonNullableWorkspace()),
			{ type: "agent", id: agent.sId, name: agent.name },
		],
		context: getAuditLogContext(auth),
	});

	return new Ok(undefined);
}
