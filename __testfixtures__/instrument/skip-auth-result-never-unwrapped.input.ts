import type { NextApiRequest, NextApiResponse } from "next";

import { Authenticator, getAPIKey } from "@app/lib/auth";
import { AppResource } from "@app/lib/resources/app_resource";
import { apiError, withLogging } from "@app/logger/withlogging";

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

  switch (req.method) {
    case "DELETE": {
      const app = await AppResource.fetchById(authRes.value, req.query.aId as string);
      if (!app) {
        return apiError(req, res, {
          status_code: 404,
          api_error: { type: "app_not_found", message: "The app was not found." },
        });
      }
      await app.markAsDeleted(authRes.value);
      return res.status(204).end();
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, DELETE is expected." },
      });
  }
}

export default withLogging(handler);
