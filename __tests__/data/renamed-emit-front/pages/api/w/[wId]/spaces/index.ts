import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditEvent as emitAudit } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { createRegularSpaceAndGroup } from "@app/lib/api/spaces";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  switch (req.method) {
    case "GET": {
      const spaces = await SpaceResource.listWorkspaceSpaces(auth);
      return res.status(200).json({ spaces: spaces.map((s) => s.toJSON()) });
    }

    case "POST": {
      if (!auth.isAdmin()) {
        return apiError(req, res, {
          status_code: 403,
          api_error: { type: "workspace_auth_error", message: "Only admins can create spaces." },
        });
      }
      const { name, memberIds } = req.body as { name: string; memberIds: string[] };
      const result = await createRegularSpaceAndGroup(auth, { name, memberIds, isRestricted: true });
      if (result.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: result.error.message },
        });
      }
      const space = result.value;
      await emitAudit({
        auth,
        action: "space.created",
        targets: [{ type: "space", id: space.sId, name: space.name }],
        metadata: { space_kind: space.kind, member_count: memberIds.length },
      });
      return res.status(201).json({ space: space.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, GET or POST is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
