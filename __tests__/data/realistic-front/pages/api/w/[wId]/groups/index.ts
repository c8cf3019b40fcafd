import type { NextApiRequest, NextApiResponse } from "next";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import type { GroupType, WithAPIErrorResponse } from "@app/types";

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<{ groups: GroupType[] } | { group: GroupType }>>,
  auth: Authenticator
): Promise<void> {
  const owner = auth.getNonNullableWorkspace();

  switch (req.method) {
    case "GET": {
      const groups = await GroupResource.listAllWorkspaceGroups(auth);
      return res.status(200).json({ groups: groups.map((g) => g.toJSON()) });
    }
    case "POST": {
      if (!auth.isAdmin()) {
        return apiError(req, res, {
          status_code: 403,
          api_error: { type: "workspace_auth_error", message: "Only admins can create groups." },
        });
      }
      const { name, kind } = req.body;
      if (typeof name !== "string" || !["regular", "provisioned"].includes(kind)) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: "A name and a valid kind are required." },
        });
      }
      const group = await GroupResource.makeNew({ name, kind, workspaceId: owner.id });

      void emitAuditLogEvent({
        auth,
        action: "group.created",
        targets: [buildAuditLogTarget("workspace", owner), buildAuditLogTarget("group", group)],
        context: getAuditLogContext(auth, req),
        metadata: { group_kind: group.kind },
      });

      return res.status(201).json({ group: group.toJSON() });
    }
    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "GET or POST is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
