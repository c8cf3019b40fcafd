import type { NextApiRequest, NextApiResponse } from "next";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { AgentConfigurationResource } from "@app/lib/resources/agent_configuration_resource";
import { AgentMemoryResource } from "@app/lib/resources/agent_memory_resource";
import logger from "@app/logger/logger";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const agent = await AgentConfigurationResource.fetchById(auth, req.query.aId as string);
  if (!agent) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "agent_configuration_not_found", message: "The agent was not found." },
    });
  }

  switch (req.method) {
    case "GET": {
      const memories = await AgentMemoryResource.listForAgent(auth, agent);
      return res.status(200).json({ memories: memories.map((m) => m.toJSON()) });
    }

    case "DELETE": {
      const start = performance.now();
      try {
        const cleared = await AgentMemoryResource.clearForAgent(auth, agent);
        logger.info(
          { agentId: agent.sId, durationMs: performance.now() - start },
          "Agent memory clear attempted"
        );
        if (cleared.isErr()) {
          return apiError(req, res, {
            status_code: 400,
            api_error: { type: "invalid_request_error", message: cleared.error.message },
          });
        }
      } catch (err) {
        logger.error({ err, agentId: agent.sId }, "Failed to clear agent memory");
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: "Failed to clear the agent memory." },
        });
      }
      return res.status(204).end();
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, GET or DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
