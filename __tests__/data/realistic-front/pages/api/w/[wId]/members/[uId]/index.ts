import type { NextApiRequest, NextApiResponse } from "next";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import { getUserForWorkspace } from "@app/lib/api/user";
import type { Authenticator } from "@app/lib/auth";
import { MembershipResource } from "@app/lib/resources/membership_resource";
import { assertNever } from "@app/types";
import type { MembershipRoleType, WithAPIErrorResponse } from "@app/types";

async function handler(req: NextApiRequest, res: NextApiResponse<WithAPIErrorResponse<{ role: MembershipRoleType } | void>>, auth: Authenticator): Promise<void> {
  if (!auth.isAdmin()) {
    return apiError(req, res, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only admins can manage members." },
    });
  }
  const owner = auth.getNonNullableWorkspace();
  const user = await getUserForWorkspace(auth, { userId: req.query.uId as string });
  if (!user) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "workspace_user_not_found", message: "The user was not found in this workspace." },
    });
  }

  switch (req.method) {
    case "PATCH": {
      const role: MembershipRoleType = req.body.role;
      const r = await MembershipResource.updateMembershipRole({ user, workspace: owner, newRole: role });
      if (r.isErr()) {
        switch (r.error.type) {
          case "not_found":
            return apiError(req, res, {
              status_code: 404,
              api_error: { type: "workspace_user_not_found", message: "The membership was not found." },
            });
          case "last_admin":
            return apiError(req, res, {
              status_code: 400,
              api_error: { type: "invalid_request_error", message: "Cannot remove the last admin of a workspace." },
            });
          default:
            assertNever(r.error.type);
        }
      }

      void emitAuditLogEvent({
        auth,
        action: "membership.role_updated",
        targets: [buildAuditLogTarget("workspace", owner), buildAuditLogTarget("user", { sId: user.sId, name: user.email })],
        context: getAuditLogContext(auth, req),
        metadata: { previous_role: r.value.previousRole, new_role: role },
      });

      return res.status(200).json({ role });
    }
    case "DELETE": {
      const revoked = await MembershipResource.revokeMembership({ user, workspace: owner });
      if (revoked.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: revoked.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "membership.revoked",
        targets: [buildAuditLogTarget("workspace", owner), buildAuditLogTarget("user", { sId: user.sId, name: user.email })],
        context: getAuditLogContext(auth, req),
        metadata: { role: revoked.value.role },
      });

      return res.status(204).end();
    }
    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "PATCH or DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
