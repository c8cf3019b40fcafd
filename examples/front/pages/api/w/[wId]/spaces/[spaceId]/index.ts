import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { WithAPIErrorResponse } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import type { SpaceType } from "@app/lib/resources/space_resource";

export type PatchSpaceResponseBody = {
  space: SpaceType;
};

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<PatchSpaceResponseBody>>,
  auth: Authenticator
): Promise<void> {
  const { spaceId } = req.query;
  if (typeof spaceId !== "string") {
    return apiError(req, res, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Invalid space id." },
    });
  }

  const space = await SpaceResource.fetchById(auth, spaceId);
  if (!space) {
    return apiError(req, res, {
      status_code: 404,
      api_error: {
        type: "space_not_found",
        message: "The space you requested was not found.",
      },
    });
  }

  if (!space.canAdministrate(auth)) {
    return apiError(req, res, {
      status_code: 403,
      api_error: {
        type: "workspace_auth_error",
        message: "Only users that are `admins` can administrate spaces.",
      },
    });
  }

  switch (req.method) {
    case "PATCH": {
      const { name } = req.body ?? {};
      if (typeof name !== "string" || !name.trim()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: {
            type: "invalid_request_error",
            message: "The request body must contain a non-empty `name`.",
          },
        });
      }

      const previousName: string = space.name;
      const newName: string = name.trim();

      const updateRes = await space.update(auth, { name: newName });
      if (updateRes.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: {
            type: "invalid_request_error",
            message: updateRes.error.message,
          },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "space.updated",
        targets: [
          { type: "space", id: space.sId, name: space.name },
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
        ],
        context: getAuditLogContext(auth),
        metadata: { previous_name: previousName, new_name: newName },
      });

      return res.status(200).json({ space: space.toJSON() });
    }

    case "DELETE": {
      if (space.isGlobal() || space.isSystem()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: {
            type: "invalid_request_error",
            message: `The ${space.kind} space cannot be deleted.`,
          },
        });
      }

      // Soft delete: the scrub workflow purges data sources later.
      const deleteRes = await space.delete(auth);
      if (deleteRes.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: {
            type: "internal_server_error",
            message: `Failed to delete space: ${deleteRes.error.message}`,
          },
        });
      }

      return res.status(204).end();
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: {
          type: "method_not_supported_error",
          message: "The method passed is not supported, PATCH or DELETE is expected.",
        },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
