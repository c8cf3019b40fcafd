import type { NextApiRequest, NextApiResponse } from "next";
import { z } from "zod";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { UserResource } from "@app/lib/resources/user_resource";
import logger from "@app/logger/logger";
import { apiError } from "@app/logger/withlogging";
import type { WithAPIErrorResponse } from "@app/types/error";
import type { SpaceType } from "@app/types/space";

const PatchSpaceMembersBodySchema = z.object({
  memberIds: z.array(z.string()).max(500),
  isRestricted: z.boolean(),
});

type GetSpaceMembersResponseBody = { members: { sId: string; fullName: string }[] };
type PatchSpaceMembersResponseBody = { space: SpaceType };

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<GetSpaceMembersResponseBody | PatchSpaceMembersResponseBody>>,
  auth: Authenticator,
): Promise<void> {
  const { spaceId } = req.query;
  if (typeof spaceId !== "string") {
    return apiError(req, res, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Invalid space id." },
    });
  }

  const space = await SpaceResource.fetchById(auth, spaceId);
  if (!space || !space.canRead(auth)) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "space_not_found", message: "The space you requested was not found." },
    });
  }

  switch (req.method) {
    case "GET": {
      const members = await space.fetchMembers(auth);
      return res.status(200).json({
        members: members.map((m) => ({ sId: m.sId, fullName: m.fullName() })),
      });
    }

    case "PATCH": {
      if (!space.canAdministrate(auth)) {
        return apiError(req, res, {
          status_code: 403,
          api_error: { type: "workspace_auth_error", message: "Only admins can change the members of a space." },
        });
      }

      const bodyValidation = PatchSpaceMembersBodySchema.safeParse(req.body);
      if (!bodyValidation.success) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: bodyValidation.error.message },
        });
      }

      const { memberIds, isRestricted } = bodyValidation.data;
      const users = await UserResource.fetchByIds(memberIds);
      if (users.length !== memberIds.length) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "user_not_found", message: "Some of the users were not found." },
        });
      }

      const updateRes = await space.setMembers(auth, { users, isRestricted });
      if (updateRes.isErr()) {
        logger.error({ error: updateRes.error, spaceId }, "Failed to update space members");
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: updateRes.error.message },
        });
      }

      const updatedSpace = updateRes.value;

      void emitAuditLogEvent({
        auth,
        action: "space.members_updated",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "space", id: updatedSpace.sId, name: updatedSpace.name },
        ],
        context: getAuditLogContext(auth, req),
        metadata: {
          member_count: String(users.length),
          is_restricted: String(isRestricted),
        },
      });

      return res.status(200).json({ space: updatedSpace.toJSON() });
    }

    case "DELETE": {
      if (!space.canAdministrate(auth)) {
        return apiError(req, res, {
          status_code: 403,
          api_error: { type: "workspace_auth_error", message: "Only admins can delete a space." },
        });
      }

      const deleteRes = await space.softDelete(auth);
      if (deleteRes.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: deleteRes.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "space.deleted",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "space", id: space.sId, name: space.name },
        ],
        context: getAuditLogContext(auth, req),
      });

      return res.status(204).end();
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: {
          type: "method_not_supported_error",
          message: "The method passed is not supported, GET, PATCH or DELETE is expected.",
        },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
