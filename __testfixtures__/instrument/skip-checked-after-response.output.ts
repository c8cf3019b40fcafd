import type { NextApiRequest, NextApiResponse } from "next";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import logger from "@app/logger/logger";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const group = await GroupResource.fetchById(auth, req.query.gId as string);
  if (!group) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "group_not_found", message: "The group was not found." },
    });
  }

  switch (req.method) {
    case "PATCH": {
      const updateRes = await group.updateName(auth, req.body.name);
      if (req.query.dryRun === "true") {
        return res.status(200).json({ group: group.toJSON(), dryRun: true });
      }
      if (updateRes.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: updateRes.error.message },
        });
      }
      return res.status(200).json({ group: group.toJSON() });
    }

    case "POST": {
      const members = await group.addMembers(auth, req.body.userIds);
      res.setHeader("Cache-Control", "no-store");
      res.status(202).json({ accepted: true });
      if (members.isErr()) {
        logger.error({ error: members.error }, "Failed to add members");
        return;
      }
      return;
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, PATCH or POST is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
