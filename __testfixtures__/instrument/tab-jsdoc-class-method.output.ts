import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { AgentConfigurationResource } from "@app/lib/resources/agent_configuration_resource";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";

export class AgentService {
	constructor(private readonly auth: Authenticator) {}

	/**
	 * Archives the agent and detaches it from its triggers.
	 * The agent stays readable by its editors.
	 */
	async archive(agentId: string): Promise<Result<void, Error>> {
		const auth = this.auth;
		const agent = await AgentConfigurationResource.fetchById(auth, agentId);
		if (!agent) {
			return new Err(new Error("Agent not found"));
		}
		const archived = await agent.archive(auth);
		if (archived.isErr()) {
			return archived;
		}

		void emitAuditLogEvent({
			auth,
			action: "agent.archived",
			targets: [
				buildWorkspaceTarget(auth.getNonNullableWorkspace()),
				{ type: "agent", id: agent.sId, name: agent.name },
			],
			context: getAuditLogContext(auth),
			metadata: {
				agent_id: agentId,
			},
		});

		const detached = await agent.detachTriggers(auth, {
			reason: "archived",
			notify: true,
		});
		return new Ok(undefined);
	}
}
