import type { NextApiRequest, NextApiResponse } from "next";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { AgentConfigurationResource } from "@app/lib/resources/agent_configuration_resource";
import { withTransaction } from "@app/lib/utils/sql_utils";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
	switch (req.method) {
		case "DELETE": {
			const agent = await AgentConfigurationResource.fetchById(auth, req.query.aId as string);
			if (!agent) {
				return apiError(req, res, {
					status_code: 404,
					api_error: { type: "agent_configuration_not_found", message: "The agent was not found." },
				});
			}
			await withTransaction(async (t) => {
				await agent.removeFromAllGroups(auth, { transaction: t });
				const deleted = await agent.softDelete(auth, { transaction: t });
				if (deleted.isErr()) {
					throw deleted.error;
				}
				await agent.clearTriggers(auth, { transaction: t });
			});
			return res.status(204).end();
		}

		default:
			return apiError(req, res, {
				status_code: 405,
				api_error: { type: "method_not_supported_error", message: "The method passed is not supported, DELETE is expected." },
			});
	}
}

export default withSessionAuthenticationForWorkspace(handler);
