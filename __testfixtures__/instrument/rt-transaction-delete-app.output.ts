import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { AppResource } from "@app/lib/resources/app_resource";
import { DatasetResource } from "@app/lib/resources/dataset_resource";
import { withTransaction } from "@app/lib/utils/sql_utils";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const { aId } = req.query;
  if (typeof aId !== "string") {
    return apiError(req, res, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Invalid app id." },
    });
  }

  const app = await AppResource.fetchById(auth, aId);
  if (!app) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "app_not_found", message: "The app was not found." },
    });
  }

  switch (req.method) {
    case "GET":
      return res.status(200).json({ app: app.toJSON() });

    case "DELETE": {
      if (!app.canWrite(auth)) {
        return apiError(req, res, {
          status_code: 403,
          api_error: { type: "app_auth_error", message: "You cannot delete this app." },
        });
      }

      await withTransaction(async (t) => {
        await DatasetResource.deleteForApp(auth, app, t);
        await app.markAsDeleted(auth, t);

        void emitAuditLogEvent({
          auth,
          action: "app.deleted",
          targets: [
            buildWorkspaceTarget(auth.getNonNullableWorkspace()),
            { type: "app", id: app.sId, name: app.name },
          ],
          context: getAuditLogContext(auth, req),
        });
      });

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
