import type { NextApiRequest, NextApiResponse } from "next";

import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import { apiError } from "@app/logger/withlogging";

export async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const group = await GroupResource.fetchById(auth, req.query.groupId as string);
  if (!group) {
    return apiError(req, res, { status_code: 404, api_error: { type: "group_not_found", message: "Group not found." } });
  }
  switch (req.method) {
    case "POST": {
      const r = await group.addMembers(auth, req.body.userIds);
      if (r.isErr()) {
        return apiError(req, res, { status_code: 400, api_error: { type: "invalid_request_error", message: r.error.message } });
      }
      return res.status(200).json({ group: group.toJSON() });
    }
    case "PUT": {
      // Replace the member list: everyone not listed is removed first.
      await group.removeAllMembers(auth);
      const r = await group.addMembers(auth, req.body.userIds);
      if (r.isErr()) {
        return apiError(req, res, { status_code: 400, api_error: { type: "invalid_request_error", message: r.error.message } });
      }
      return res.status(200).json({ group: group.toJSON() });
    }
  }
}
