import type { NextApiRequest, NextApiResponse } from "next";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import type { WithAPIErrorResponse } from "@app/types";

async function handler(req: NextApiRequest, res: NextApiResponse<WithAPIErrorResponse<{ count: number }>>, auth: Authenticator): Promise<void> {
  const group = await GroupResource.fetchById(auth, req.query.groupId as string);
  if (group.isErr()) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "group_not_found", message: "The group was not found." },
    });
  }
  const userIds: string[] = Array.isArray(req.body.userIds) ? req.body.userIds : [];

  switch (req.method) {
    case "POST": {
      const added = await group.value.addMembers(auth, userIds);
      if (added.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: added.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "group.member_added",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("group", group.value)],
        context: getAuditLogContext(auth, req),
        metadata: {
          user_ids: userIds.join(","),
          member_count: String(added.value.length), // after the add
        },
      });

      return res.status(200).json({ count: added.value.length });
    }
    case "DELETE": {
      const removed = await group.value.removeMembers(auth, userIds);
      if (removed.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: removed.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "group.member_removed",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("group", group.value)],
        context: getAuditLogContext(auth, req),
        metadata: {
          user_ids: userIds.join(","),
          member_count: String(removed.value.length),
        },
      });

      return res.status(200).json({ count: removed.value.length });
    }
    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "POST or DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
