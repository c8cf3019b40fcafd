import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { MembershipInvitationResource } from "@app/lib/resources/membership_invitation_resource";
import logger from "@app/logger/logger";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  switch (req.method) {
    case "POST": {
      const invitee = req.body.email as string;
      const r = await MembershipInvitationResource.inviteUser(auth, { email: invitee, role: "user" });
      logger.info({ invitee }, "Invitation attempted");
      if (r.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: r.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "user.invited",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "membership_invitation", id: r.value.sId, name: r.value.name },
        ],
        context: getAuditLogContext(auth, req),
        metadata: {
          invitee_email: invitee,
        },
      });

      return res.status(201).json({ invitation: r.value.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, POST is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
