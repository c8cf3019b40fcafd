import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { apiError } from "@app/logger/withlogging";
import { GroupResource } from "@app/lib/resources/group_resource";
import type { WithAPIErrorResponse } from "@app/types/error";

type PostGroupResponseBody = { group: { sId: string; name: string } };

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<PostGroupResponseBody>>,
  auth: Authenticator
): Promise<void> {
  if (!auth.isAdmin()) {
    return apiError(req, res, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only admins can manage groups." },
    });
  }

  switch (req.method) {
    case "POST": {
      const { name, memberIds } = req.body as { name: string; memberIds: string[] };
      const groupRes = await GroupResource.makeNew(auth, { name, kind: "regular" });
      if (groupRes.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: groupRes.error.message },
        });
      }
      const group = groupRes.value;

      void emitAuditLogEvent({
        auth,
        action: "group.created",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "group", id: group.sId, name: group.name },
        ],
        context: getAuditLogContext(auth, req),
        metadata: {
          group_name: String(group.name),
          member_count: String(memberIds.length),
        },
      });

      return res.status(201).json({ group: { sId: group.sId, name: group.name } });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, POST is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
