import type { NextApiRequest, NextApiResponse } from "next";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { DataSourceViewResource } from "@app/lib/resources/data_source_view_resource";
import logger from "@app/logger/logger";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const { dsvId } = req.query;
  const dataSourceView = typeof dsvId === "string" ? await DataSourceViewResource.fetchById(auth, dsvId) : null;
  if (!dataSourceView) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "data_source_view_not_found", message: "The data source view was not found." },
    });
  }

  switch (req.method) {
    case "PATCH": {
      const parentsIn: string[] = Array.isArray(req.body.parentsIn) ? req.body.parentsIn : [];
      const updateRes = await dataSourceView.setParents(auth, parentsIn);
      const failed = updateRes.isErr();
      logger.info({ dataSourceViewId: dataSourceView.sId, failed }, "Data source view parents update");
      if (failed) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: "Failed to update the data source view." },
        });
      }
      return res.status(200).json({ dataSourceView: dataSourceView.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, PATCH is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
