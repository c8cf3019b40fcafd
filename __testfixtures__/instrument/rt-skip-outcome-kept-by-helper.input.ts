import type { NextApiRequest, NextApiResponse } from "next";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { isErrorResult } from "@app/lib/utils/results";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space) {
    return apiError(req, res, { status_code: 404, api_error: { type: "space_not_found", message: "Space not found." } });
  }

  switch (req.method) {
    case "POST": {
      const archiveRes = await space.archive(auth);
      // The outcome is tested by a helper and kept in a name: which path is the success one is not read.
      const failed = isErrorResult(archiveRes);
      if (failed) {
        return apiError(req, res, { status_code: 500, api_error: { type: "internal_server_error", message: "Could not archive the space." } });
      }
      return res.status(200).json({ archived: true });
    }
    default:
      return apiError(req, res, { status_code: 405, api_error: { type: "method_not_supported_error", message: "Only POST is supported." } });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
