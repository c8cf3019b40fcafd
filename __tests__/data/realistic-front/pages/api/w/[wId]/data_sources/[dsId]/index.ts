import type { NextApiRequest, NextApiResponse } from "next";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { softDeleteDataSourceAndLaunchScrubWorkflow } from "@app/lib/api/data_sources";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { DataSourceResource } from "@app/lib/resources/data_source_resource";
import type { WithAPIErrorResponse } from "@app/types";

async function handler(req: NextApiRequest, res: NextApiResponse<WithAPIErrorResponse<void>>, auth: Authenticator): Promise<void> {
  const dataSource = await DataSourceResource.fetchById(auth, req.query.dsId as string);
  if (!dataSource) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "data_source_not_found", message: "The data source you requested was not found." },
    });
  }

  switch (req.method) {
    case "DELETE": {
      if (!dataSource.canAdministrate(auth)) {
        return apiError(req, res, {
          status_code: 403,
          api_error: { type: "data_source_auth_error", message: "Only the space's admins can delete a data source." },
        });
      }
      const r = await softDeleteDataSourceAndLaunchScrubWorkflow(auth, dataSource);
      if (r.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: r.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "data_source.deleted",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("data_source", dataSource)],
        context: getAuditLogContext(auth, req),
        metadata: { connector_provider: dataSource.connectorProvider ?? "none" },
      });

      return res.status(204).end();
    }
    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
