import type { NextApiRequest, NextApiResponse } from "next";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { WithAPIErrorResponse } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import logger from "@app/lib/logger";
import { GroupResource } from "@app/lib/resources/group_resource";

const MAX_GROUP_NAME_LENGTH = 64;

type GroupJSON = ReturnType<GroupResource["toJSON"]>;
type GetGroupsResponseBody = { groups: GroupJSON[] };
type PostGroupResponseBody = { group: GroupJSON };

function parseGroupName(body: unknown): string | null {
  const name = (body as { name?: unknown } | null)?.name;
  if (typeof name !== "string") {
    return null;
  }
  const trimmed = name.trim();
  return trimmed && trimmed.length <= MAX_GROUP_NAME_LENGTH ? trimmed : null;
}

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<GetGroupsResponseBody | PostGroupResponseBody>>,
  auth: Authenticator
): Promise<void> {
  switch (req.method) {
    case "GET": {
      const groups = await GroupResource.listForWorkspace(auth);
      return res.status(200).json({ groups: groups.map((g) => g.toJSON()) });
    }

    case "POST": {
      if (!auth.isAdmin()) {
        return apiError(req, res, {
          status_code: 403,
          api_error: {
            type: "workspace_auth_error",
            message: "Only users that are `admins` can create groups.",
          },
        });
      }

      const name = parseGroupName(req.body);
      if (!name) {
        return apiError(req, res, {
          status_code: 400,
          api_error: {
            type: "invalid_request_error",
            message: `The group name must be 1 to ${MAX_GROUP_NAME_LENGTH} characters.`,
          },
        });
      }

      const groupRes = await GroupResource.makeNew(auth, { name });
      if (groupRes.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: groupRes.error.message },
        });
      }
      const group = groupRes.value;

      logger.info({ groupId: group.sId }, "Group created");
      return res.status(201).json({ group: group.toJSON() });
    }

    case "PATCH": {
      if (!auth.isAdmin()) {
        return apiError(req, res, {
          status_code: 403,
          api_error: {
            type: "workspace_auth_error",
            message: "Only users that are `admins` can rename groups.",
          },
        });
      }

      const { groupId } = req.query;
      const group =
        typeof groupId === "string" ? await GroupResource.fetchById(auth, groupId) : null;
      if (!group) {
        return apiError(req, res, {
          status_code: 404,
          api_error: { type: "group_not_found", message: "The group was not found." },
        });
      }

      const name = parseGroupName(req.body);
      if (!name) {
        return apiError(req, res, {
          status_code: 400,
          api_error: {
            type: "invalid_request_error",
            message: `The group name must be 1 to ${MAX_GROUP_NAME_LENGTH} characters.`,
          },
        });
      }

      const previousName = group.name;
      const renameRes = await group.rename(auth, name);
      if (renameRes.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: renameRes.error.message },
        });
      }

      return res.status(200).json({ group: group.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: {
          type: "method_not_supported_error",
          message: "The method passed is not supported, GET, POST or PATCH is expected.",
        },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
