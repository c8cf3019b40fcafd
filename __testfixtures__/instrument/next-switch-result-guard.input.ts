import type { NextApiRequest, NextApiResponse } from "next";

import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(
  req: NextApiRequest,
  res: NextApiResponse,
  auth: Authenticator
): Promise<void> {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "space_not_found", message: "Space not found." },
    });
  }

  switch (req.method) {
    case "GET":
      return res.status(200).json({ space: space.toJSON() });

    case "PATCH": {
      const r = await space.updateName(auth, req.body.name);
      if (r.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: r.error.message },
        });
      }

      return res.status(200).json({ space: space.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "Method not supported." },
      });
  }
}

export default handler;
