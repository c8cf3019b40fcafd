import type { NextApiRequest, NextApiResponse } from "next";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { TrackerConfigurationResource } from "@app/lib/resources/tracker_resource";
import { apiError } from "@app/logger/withlogging";
import { assertNever } from "@app/types/shared/utils/assert_never";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const tracker = await TrackerConfigurationResource.fetchById(auth, req.query.tId as string);
  if (!tracker) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "tracker_not_found", message: "The tracker was not found." },
    });
  }

  switch (req.method) {
    case "GET":
      return res.status(200).json({ tracker: tracker.toJSON() });

    case "PATCH": {
      const updateResult = await tracker.updateConfiguration(auth, req.body);
      switch (updateResult.type) {
        case "ok": {
          const { previousFrequency } = updateResult.value;
          return res.status(200).json({ tracker: tracker.toJSON(), previousFrequency });
        }
        case "error":
          return apiError(req, res, {
            status_code: 400,
            api_error: { type: "invalid_request_error", message: updateResult.error.message },
          });
        default:
          assertNever(updateResult);
      }
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, GET or PATCH is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
