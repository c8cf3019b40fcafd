import type { NextApiRequest, NextApiResponse } from "next";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { WithAPIErrorResponse } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import type { SpaceType } from "@app/types/space";

export type ArchiveSpaceResponseBody = { space: SpaceType };

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<ArchiveSpaceResponseBody>>,
  auth: Authenticator
): Promise<void> {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "space_not_found", message: "The space was not found." },
    });
  }

  switch (req.method) {
    case "POST": {
      if (!space.canAdministrate(auth)) {
        return apiError(req, res, {
          status_code: 403,
          api_error: { type: "workspace_auth_error", message: "Only space admins can archive a space." },
        });
      }
      const archiveRes = await space.archive(auth);
      if (archiveRes.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: archiveRes.error.message },
        });
      }
      return res.status(200).json({ space: space.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: {
          type: "method_not_supported_error",
          message: "The method passed is not supported, POST is expected.",
        },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
