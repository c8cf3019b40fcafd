import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { MembershipResource } from "@app/lib/resources/membership_resource";
import { UserResource } from "@app/lib/resources/user_resource";
import { apiError } from "@app/logger/withlogging";
import { assertNever } from "@app/types/shared/utils/assert_never";
import { isMembershipRoleType } from "@app/types/memberships";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  if (!auth.isAdmin()) {
    return apiError(req, res, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only admins can change roles." },
    });
  }

  const { uId } = req.query;
  const user = typeof uId === "string" ? await UserResource.fetchById(uId) : null;
  if (!user) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "workspace_user_not_found", message: "The user was not found." },
    });
  }

  switch (req.method) {
    case "POST": {
      const role = req.body.role;
      if (!isMembershipRoleType(role)) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: "The role is not valid." },
        });
      }

      const updateRes = await MembershipResource.updateMembershipRole({
        user,
        workspace: auth.getNonNullableWorkspace(),
        newRole: role,
        allowTerminated: false,
      });
      if (updateRes.isErr()) {
        switch (updateRes.error.type) {
          case "not_found":
            return apiError(req, res, {
              status_code: 404,
              api_error: { type: "workspace_user_not_found", message: "The user is not a member of the workspace." },
            });
          case "already_on_role":
            return res.status(200).json({ member: user.toJSON() });
          case "last_admin":
            return apiError(req, res, {
              status_code: 400,
              api_error: { type: "invalid_request_error", message: "The workspace needs at least one admin." },
            });
          default:
            assertNever(updateRes.error.type);
        }
      }

      const { previousRole, newRole } = updateRes.value;

      void emitAuditLogEvent({
        auth,
        action: "membership.role_updated",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "user", id: user.sId, name: user.name },
        ],
        context: getAuditLogContext(auth, req),
        metadata: {
          previous_role: String(previousRole),
          new_role: String(newRole),
        },
      });

      return res.status(200).json({ member: { ...user.toJSON(), role: newRole } });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, POST is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
