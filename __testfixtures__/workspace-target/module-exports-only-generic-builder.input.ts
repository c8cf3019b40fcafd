import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space) {
    return apiError(req, res, { status_code: 404, api_error: { type: "space_not_found", message: "The space was not found." } });
  }

  switch (req.method) {
    case "PATCH": {
      const r = await space.updateName(auth, req.body.name);
      if (r.isErr()) {
        return apiError(req, res, { status_code: 400, api_error: { type: "invalid_request_error", message: r.error.message } });
      }
      void emitAuditLogEvent({
        auth,
        action: "space.renamed",
        targets: [{ type: "space", id: space.sId, name: space.name }],
        context: getAuditLogContext(auth, req),
        metadata: { previous_name: r.value.previousName },
      });
      return res.status(200).json({ space: space.toJSON() });
    }
    case "DELETE": {
      const r = await space.delete(auth, { hardDelete: false });
      if (r.isErr()) {
        return apiError(req, res, { status_code: 500, api_error: { type: "internal_server_error", message: r.error.message } });
      }
      void emitAuditLogEvent({
        auth,
        action: "space.deleted",
        targets: [],
        context: getAuditLogContext(auth, req),
      });
      return res.status(204).end();
    }
    default:
      return apiError(req, res, { status_code: 405, api_error: { type: "method_not_supported_error", message: "The method passed is not supported, PATCH or DELETE is expected." } });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
