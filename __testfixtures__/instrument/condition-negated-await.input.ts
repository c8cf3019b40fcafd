import type { NextApiRequest, NextApiResponse } from "next";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { UserResource } from "@app/lib/resources/user_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const [space, user] = await Promise.all([
    SpaceResource.fetchById(auth, req.query.spaceId as string),
    UserResource.fetchById(req.query.userId as string),
  ]);
  if (!space || !user) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "space_not_found", message: "Space or user not found." },
    });
  }

  switch (req.method) {
    case "DELETE":
      if (!(await space.removeMember(auth, user))) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: "The user is not a member of this space." },
        });
      }
      return res.status(204).end();

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
