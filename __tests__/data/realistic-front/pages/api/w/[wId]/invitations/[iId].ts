import type { NextApiRequest, NextApiResponse } from "next";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { MembershipInvitationResource } from "@app/lib/resources/membership_invitation_resource";
import type { WithAPIErrorResponse } from "@app/types";

async function handler(req: NextApiRequest, res: NextApiResponse<WithAPIErrorResponse<void>>, auth: Authenticator): Promise<void> {
  switch (req.method) {
    case "DELETE": {
      const invitation = await MembershipInvitationResource.fetchById(auth, req.query.iId as string);
      if (!invitation || invitation.status !== "pending") {
        return apiError(req, res, {
          status_code: 404,
          api_error: { type: "invitation_not_found", message: "No pending invitation was found." },
        });
      }
      const revokeRes = await invitation.revoke(auth);
      if (revokeRes.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: revokeRes.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "invitation.revoked",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("invitation", { sId: invitation.sId, name: invitation.inviteEmail })],
        context: getAuditLogContext(auth, req),
        metadata: { invitee_email: invitation.inviteEmail },
      });

      return res.status(204).end();
    }
    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
