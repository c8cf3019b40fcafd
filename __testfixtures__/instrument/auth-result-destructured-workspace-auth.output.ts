import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import { Authenticator, getAPIKey } from "@app/lib/auth";
import { DataSourceViewResource } from "@app/lib/resources/data_source_view_resource";
import { apiError, withLogging } from "@app/logger/withlogging";

/**
 * @swagger
 * /api/v1/w/{wId}/data_source_views/{dsvId}:
 *   delete:
 *     summary: Delete a data source view
 */
async function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  const keyRes = await getAPIKey(req);
  if (keyRes.isErr()) {
    return apiError(req, res, keyRes.error);
  }
  const authRes = await Authenticator.fromKey(keyRes.value, req.query.wId as string);
  if (authRes.isErr()) {
    return apiError(req, res, {
      status_code: 401,
      api_error: { type: "workspace_auth_error", message: authRes.error.message },
    });
  }
  const { workspaceAuth, key } = authRes.value;

  switch (req.method) {
    case "DELETE": {
      const view = await DataSourceViewResource.fetchById(workspaceAuth, req.query.dsvId as string);
      if (!view) {
        return apiError(req, res, {
          status_code: 404,
          api_error: { type: "data_source_view_not_found", message: "The view was not found." },
        });
      }
      const deleted = await view.delete(workspaceAuth, { hardDelete: false });
      if (deleted.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: deleted.error.message },
        });
      }

      void emitAuditLogEvent({
        auth: workspaceAuth,
        action: "data_source_view.deleted",
        targets: [
          buildWorkspaceTarget(workspaceAuth.getNonNullableWorkspace()),
          { type: "data_source_view", id: view.sId, name: view.name },
        ],
        context: getAuditLogContext(workspaceAuth, req),
      });

      return res.status(204).end();
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: `The method passed is not supported (key ${key.sId}), DELETE is expected.` },
      });
  }
}

export default withLogging(handler);
