import type { NextApiRequest, NextApiResponse } from "next";

import { apiError } from "@app/logger/withlogging";
import { buildAuditLogTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";

const   ALLOWED_KINDS = [ "regular","public" ]

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space) {
    return apiError(req, res, { status_code: 404, api_error: { type: "space_not_found", message: "The space was not found." } });
  }

  switch (req.method) {
    case "PATCH": {
      if (!ALLOWED_KINDS.includes(space.kind)) return apiError(req, res, { status_code: 400, api_error: { type: "invalid_request_error", message: "This space cannot be renamed." } });
      const updateRes = await space.updateName(auth, req.body.name);
      if (updateRes.isErr()) {
        return apiError(req, res, { status_code: 500, api_error: { type: "internal_server_error", message: updateRes.error.message } });
      }
      void emitAuditLogEvent({ auth, action: "space.updated", targets: [buildAuditLogTarget("space", space)], metadata: { name: space.name } });
      return res.status(200).json({ space: space.toJSON() });
    }

    case "DELETE": {
      try {
        await space.delete(auth, { hardDelete: false });
      } catch (err) {
        return apiError(req, res, { status_code: 500, api_error: { type: "internal_server_error", message: `Could not delete ${space.sId}` } });
      }
      await emitAuditLogEvent({
        auth,
        action: "space.deleted",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("space", space)],
      });
      return res.status(204).end();
    }

    default:
      return apiError(req, res, { status_code: 405, api_error: { type: "method_not_supported_error", message: "The method passed is not supported, PATCH or DELETE is expected." } });
  }
}

export default handler;
