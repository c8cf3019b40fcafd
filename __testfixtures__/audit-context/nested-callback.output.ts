import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { frontSequelize } from "@app/lib/resources/storage";
import { SpaceResource } from "@app/lib/resources/space_resource";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  if (req.method !== "DELETE") {
    return apiError(req, res, {
      status_code: 405,
      api_error: { type: "method_not_supported_error", message: "DELETE is expected." },
    });
  }

  const spaceIds: string[] = req.body.spaceIds;
  try {
    await frontSequelize.transaction(async (transaction) => {
      for (const spaceId of spaceIds) {
        const space = await SpaceResource.fetchById(auth, spaceId);
        if (!space) {
          continue;
        }
        await space.delete(auth, { transaction });
        void emitAuditLogEvent({
          auth,
          action: "space.deleted",
          targets: [{ type: "space", id: space.sId, name: space.name }],
          context: getAuditLogContext(auth, req),
        });
      }
    });
  } catch (err) {
    return apiError(req, res, {
      status_code: 500,
      api_error: { type: "internal_server_error", message: "Could not delete the spaces." },
    });
  }

  return res.status(204).end();
}

export default withSessionAuthenticationForWorkspace(handler);
