import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(
  req: NextApiRequest,
  res: NextApiResponse,
  auth: Authenticator
): Promise<void> {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "space_not_found", message: "Space not found." },
    });
  }

  switch (req.method) {
    case "GET":
      return res.status(200).json({ space: space.toJSON() });

    case "PATCH": {
      const r = await space.updateName(auth, req.body.name);
      if (r.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: r.error.message },
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
          space_kind: String(space.kind),
          new_name: String(req.body.name),
        },
      });

      return res.status(200).json({ space: space.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "Method not supported." },
      });
  }
}

export default handler;
