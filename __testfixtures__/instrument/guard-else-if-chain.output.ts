import type { NextApiRequest, NextApiResponse } from "next";

import { softDeleteSpaceAndLaunchScrubWorkflow } from "@app/lib/api/spaces";
import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space || !space.canAdministrate(auth)) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "space_not_found", message: "The space you requested was not found." },
    });
  }

  switch (req.method) {
    case "DELETE": {
      const deleteRes = await softDeleteSpaceAndLaunchScrubWorkflow(auth, space, req.query.force === "true");
      if (deleteRes.isErr() && deleteRes.error.code === "space_in_use") {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: "The space is used by agents." },
        });
      } else if (deleteRes.isErr()) {
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
        metadata: {
          space_kind: String(space.kind),
        },
      });

      return res.status(200).json({ success: true });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
