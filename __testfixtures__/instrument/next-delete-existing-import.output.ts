import type { NextApiRequest, NextApiResponse } from "next";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space) {
    return apiError(req, res, { status_code: 404, api_error: { type: "space_not_found", message: "Space not found." } });
  }

  switch (req.method) {
    case "DELETE": {
      if (!auth.isAdmin()) {
        return apiError(req, res, { status_code: 403, api_error: { type: "workspace_auth_error", message: "Only admins can delete spaces." } });
      }
      const deleted = await space.delete(auth, { hardDelete: false });
      if (deleted.isErr()) return apiError(req, res, { status_code: 500, api_error: { type: "internal_server_error", message: deleted.error.message } });

      void emitAuditLogEvent({
        auth,
        action: "space.deleted",
        targets: [
          buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),
          buildAuditLogTarget("space", space),
        ],
        context: getAuditLogContext(auth, req),
        metadata: {
          space_kind: String(space.kind),
        },
      });

      // Nothing to return: the space is gone.
      return res.status(204).end();
    }
    default:
      return apiError(req, res, { status_code: 405, api_error: { type: "method_not_supported_error", message: "Method not supported." } });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
