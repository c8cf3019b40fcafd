import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildAuditLogTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { UserResource } from "@app/lib/resources/user_resource";
import type { WithAPIErrorResponse } from "@app/types";

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<{ memberCount: number }>>,
  auth: Authenticator
): Promise<void> {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space || !space.isRegular()) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "space_not_found", message: "The space you requested was not found." },
    });
  }
  const user = await UserResource.fetchById(req.body.userId);
  if (!user) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "user_not_found", message: "The user was not found." },
    });
  }

  switch (req.method) {
    case "POST": {
      const addRes = await space.addMembers(auth, { userIds: [user.sId] });
      if (addRes.isErr()) {
        if (addRes.error.code === "unauthorized") {
          return apiError(req, res, {
            status_code: 403,
            api_error: { type: "workspace_auth_error", message: "Only space editors can add members." },
          });
        }
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: addRes.error.message },
        });
      }
      const members = addRes.value;

      void emitAuditLogEvent({
        auth,
        action: "space.member_added",
        targets: [
          buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),
          buildAuditLogTarget("space", space),
          buildAuditLogTarget("user", { sId: user.sId, name: user.fullName() }),
        ],
        context: getAuditLogContext(auth, req),
        metadata: { member_count: String(members.length) },
      });

      return res.status(200).json({ memberCount: members.length });
    }

    case "DELETE": {
      const removeRes = await space.removeMembers(auth, { userIds: [user.sId] });
      if (removeRes.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: removeRes.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "space.member_removed",
        targets: [
          buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),
          buildAuditLogTarget("space", space),
          buildAuditLogTarget("user", { sId: user.sId, name: user.fullName() }),
        ],
        context: getAuditLogContext(auth, req),
        metadata: { member_count: String(removeRes.value.length) },
      });

      return res.status(200).json({ memberCount: removeRes.value.length });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "POST or DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
