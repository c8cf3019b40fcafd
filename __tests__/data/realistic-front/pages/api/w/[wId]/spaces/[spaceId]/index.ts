import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildAuditLogTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import { softDeleteSpaceAndLaunchScrubWorkflow } from "@app/lib/api/spaces";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import logger from "@app/logger/logger";
import type { SpaceType, WithAPIErrorResponse } from "@app/types";
import { isString } from "@app/types";

export type PatchSpaceResponseBody = { space: SpaceType };

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<PatchSpaceResponseBody | void>>,
  auth: Authenticator
): Promise<void> {
  const { spaceId } = req.query;
  if (!isString(spaceId)) {
    return apiError(req, res, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Invalid path parameters." },
    });
  }
  const space = await SpaceResource.fetchById(auth, spaceId);
  if (!space || !space.canAdministrate(auth)) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "space_not_found", message: "The space you requested was not found." },
    });
  }

  switch (req.method) {
    case "PATCH": {
      const previousName = space.name;
      const { name } = req.body;
      if (typeof name !== "string" || name.length === 0) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: "The space name is required." },
        });
      }
      const updateRes = await space.updateName(auth, name);
      if (updateRes.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: updateRes.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "space.updated",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("space", space)],
        context: getAuditLogContext(auth, req),
        metadata: {
          previous_name: previousName,
          new_name: name,
        },
      });

      return res.status(200).json({ space: space.toJSON() });
    }

    case "DELETE": {
      const force = req.query.force === "true";
      try {
        const deleteRes = await softDeleteSpaceAndLaunchScrubWorkflow(auth, space, force);
        if (deleteRes.isErr()) {
          return apiError(req, res, {
            status_code: 400,
            api_error: { type: "invalid_request_error", message: deleteRes.error.message },
          });
        }
      } catch (err) {
        logger.error({ err, spaceId: space.sId }, "Failed to delete space");
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: "The space could not be deleted." },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "space.deleted",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("space", space)],
        context: getAuditLogContext(auth, req),
        metadata: { space_kind: space.kind, forced: String(force) },
      });

      return res.status(204).end();
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, PATCH or DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
