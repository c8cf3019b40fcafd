import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";

async function handler(
  req: NextApiRequest,
  res: NextApiResponse,
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
    case "PATCH": {
      const { name, isRestricted } = req.body ?? {};
      if (typeof name !== "string" || !name.trim()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: "A non-empty `name` is required." },
        });
      }

      const previousName: string = space.name;
      const newName: string = name.trim();
      const members = await space.listMembers(auth);

      const updateRes = await space.update(auth, { name: newName, isRestricted: isRestricted === true });
      if (updateRes.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: updateRes.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "space.updated",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "space", id: space.sId, name: space.name },
        ],
        context: getAuditLogContext(auth, req),
        metadata: {
          previous_name: previousName,
          new_name: newName,
          is_restricted: isRestricted === true,
          member_count: members.length,
        },
      });

      return res.status(200).json({ space: space.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "PATCH is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
