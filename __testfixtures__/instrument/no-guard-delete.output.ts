import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space) {
    return apiError(req, res, { status_code: 404, api_error: { type: "space_not_found", message: "Space not found." } });
  }
  if (req.method === "DELETE") {
    await space.delete(auth); // throws on failure

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
  return res.status(200).json({ space: space.toJSON() });
}

export default handler;
