import type { NextApiRequest, NextApiResponse } from "next";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { MCPServerViewResource } from "@app/lib/resources/mcp_server_view_resource";
import { RemoteMCPServerResource } from "@app/lib/resources/remote_mcp_servers_resource";
import logger from "@app/logger/logger";
import { apiError } from "@app/logger/withlogging";
import { normalizeError } from "@app/types/shared/utils/error_utils";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const { serverId } = req.query;
  if (typeof serverId !== "string") {
    return apiError(req, res, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Invalid path parameters." },
    });
  }

  const server = await RemoteMCPServerResource.fetchById(auth, serverId);
  if (!server) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "mcp_server_not_found", message: "The MCP server was not found." },
    });
  }

  switch (req.method) {
    case "GET":
      return res.status(200).json({ server: server.toJSON() });

    case "PATCH": {
      const r = await server.updateMetadata(auth, { name: req.body.name, description: req.body.description });
      if (r.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: r.error.message },
        });
      }
      return res.status(200).json({ server: server.toJSON() });
    }

    case "DELETE": {
      if (!auth.isAdmin()) {
        return apiError(req, res, {
          status_code: 403,
          api_error: { type: "workspace_auth_error", message: "Only admins can delete MCP servers." },
        });
      }
      const views = await MCPServerViewResource.listByMCPServer(auth, server.sId);
      try {
        await server.delete(auth);
      } catch (err) {
        logger.error({ err: normalizeError(err), serverId }, "Failed to delete MCP server");
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: "Could not delete the MCP server." },
        });
      }
      const serverName = server.name;

      return res.status(200).json({ deleted: true });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, GET, PATCH or DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
