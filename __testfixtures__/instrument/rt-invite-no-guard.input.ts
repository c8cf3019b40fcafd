import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { sendWorkspaceInvitationEmail } from "@app/lib/api/invitation";
import { MembershipInvitationResource } from "@app/lib/resources/membership_invitation_resource";
import { isEmailValid } from "@app/lib/utils";
import { apiError } from "@app/logger/withlogging";

const MAX_PENDING_INVITATIONS = 50;

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const owner = auth.getNonNullableWorkspace();
  if (!auth.isAdmin()) {
    return apiError(req, res, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only admins can invite members." },
    });
  }

  switch (req.method) {
    case "GET": {
      const invitations = await MembershipInvitationResource.getPendingInvitations(auth);
      return res.status(200).json({ invitations: invitations.map((i) => i.toJSON()) });
    }

    case "POST": {
      const { email, role } = req.body;
      if (typeof email !== "string" || !isEmailValid(email)) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: "The email is not valid." },
        });
      }
      if (role !== "admin" && role !== "builder" && role !== "user") {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: "The role is not valid." },
        });
      }

      const pending = await MembershipInvitationResource.getPendingInvitations(auth);
      if (pending.length >= MAX_PENDING_INVITATIONS) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invitation_limit_reached", message: "Too many pending invitations." },
        });
      }
      if (pending.some((i) => i.inviteEmail === email.toLowerCase())) {
        return res.status(200).json({ invitation: pending.find((i) => i.inviteEmail === email.toLowerCase())?.toJSON() });
      }

      const invitation = await MembershipInvitationResource.makeNew(auth, {
        inviteEmail: email.toLowerCase(),
        initialRole: role,
        workspaceId: owner.id,
      });

      await sendWorkspaceInvitationEmail(owner, invitation);
      return res.status(201).json({ invitation: invitation.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, GET or POST is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
