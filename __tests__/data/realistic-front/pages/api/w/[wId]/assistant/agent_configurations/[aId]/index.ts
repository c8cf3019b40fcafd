import type { NextApiRequest, NextApiResponse } from "next";

import { archiveAgentConfiguration, getAgentConfiguration } from "@app/lib/api/assistant/configuration";
import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import type { AgentConfigurationType, WithAPIErrorResponse } from "@app/types";

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<{ agentConfiguration: AgentConfigurationType } | { success: true }>>,
  auth: Authenticator
): Promise<void> {
  const agent = await getAgentConfiguration(auth, { agentId: req.query.aId as string, variant: "light" });
  if (!agent || (!agent.canRead && !auth.isAdmin())) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "agent_configuration_not_found", message: "The agent you requested was not found." },
    });
  }

  switch (req.method) {
    case "GET":
      return res.status(200).json({ agentConfiguration: agent });

    case "DELETE": {
      if (!agent.canEdit && !auth.isAdmin()) {
        return apiError(req, res, {
          status_code: 403,
          api_error: { type: "app_auth_error", message: "Only editors can archive this agent." },
        });
      }
      const archived = await archiveAgentConfiguration(auth, agent.sId);
      if (!archived) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: "The agent could not be archived." },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "agent.archived",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("agent", agent)],
        context: getAuditLogContext(auth, req),
        metadata: { agent_scope: agent.scope },
      });

      return res.status(200).json({ success: true });
    }
    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "GET or DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
