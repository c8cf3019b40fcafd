import type { NextApiRequest, NextApiResponse } from "next";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { DataSourceResource } from "@app/lib/resources/data_source_resource";
import { apiError } from "@app/logger/withlogging";

export default withSessionAuthenticationForWorkspace(
  async (req: NextApiRequest, res: NextApiResponse, auth: Authenticator) => {
    const dataSource = await DataSourceResource.fetchById(auth, req.query.dsId as string);
    if (!dataSource) {
      return apiError(req, res, { status_code: 404, api_error: { type: "data_source_not_found", message: "Not found." } });
    }
    switch (req.method) {
      case "GET":
        return res.status(200).json({ dataSource: dataSource.toJSON() });
      case "DELETE":
        await dataSource.delete(auth);

        void emitAuditLogEvent({
          auth,
          action: "data_source.deleted",
          targets: [
            buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),
            buildAuditLogTarget("data_source", dataSource),
          ],
          context: getAuditLogContext(auth, req),
        });

        return res.status(204).end();
      default:
        return apiError(req, res, { status_code: 405, api_error: { type: "method_not_supported_error", message: "Method not supported." } });
    }
  }
);
