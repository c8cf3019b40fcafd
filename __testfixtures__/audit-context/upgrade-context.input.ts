import type { NextApiRequest, NextApiResponse } from "next";

import {
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";

async function handler(
  req: NextApiRequest,
  res: NextApiResponse,
  auth: Authenticator
): Promise<void> {
  const group = await GroupResource.fetchById(auth, req.query.groupId as string);
  if (!group) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "group_not_found", message: "The group was not found." },
    });
  }

  switch (req.method) {
    case "POST": {
      const r = await group.addMember(auth, req.body.userId);
      if (r.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: r.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "group.member_added",
        targets: [
          { type: "workspace", id: auth.getNonNullableWorkspace().sId, name: auth.getNonNullableWorkspace().name },
          { type: "group", id: group.sId, name: group.name },
        ],
        // The request tells WorkOS where the admin acted from.
        context: getAuditLogContext(auth),
        metadata: { user_id: String(req.body.userId) },
      });
      return res.status(200).json({ group: group.toJSON() });
    }

    case "DELETE": {
      const r = await group.removeMember(auth, req.body.userId);
      if (r.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: r.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "group.member_removed",
        targets: [{ type: "group", id: group.sId, name: group.name }],
        context: getAuditLogContext(auth, req),
      });
      return res.status(204).end();
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "Method not supported." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
