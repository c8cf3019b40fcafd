import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { KeyResource } from "@app/lib/resources/key_resource";
import { apiError } from "@app/logger/withlogging";

export default withSessionAuthenticationForWorkspace(async (req: NextApiRequest, res: NextApiResponse, auth) => {
  switch (req.method) {
    case "POST": {
      const name = String(req.body.name ?? "").trim();
      if (!name) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: "The key needs a name." },
        });
      }
      const key = await KeyResource.makeNew({ name, workspaceId: auth.getNonNullableWorkspace().id, isSystem: false }, auth);

      void emitAuditLogEvent({
        auth,
        action: "api_key.created",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "api_key", id: key.sId, name: key.name },
        ],
        context: getAuditLogContext(auth, req),
        metadata: {
          key_name: String(name),
        },
      });

      return res.status(201).json({ key: key.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, POST is expected." },
      });
  }
});
