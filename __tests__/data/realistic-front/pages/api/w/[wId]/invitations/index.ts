import type { NextApiRequest, NextApiResponse } from "next";
import { z } from "zod";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import { sendWorkspaceInvitationEmail } from "@app/lib/api/invitation";
import type { Authenticator } from "@app/lib/auth";
import { MembershipInvitationResource } from "@app/lib/resources/membership_invitation_resource";
import logger from "@app/logger/logger";
import type { WithAPIErrorResponse } from "@app/types";

const InvitationBodySchema = z.array(z.object({ email: z.string().email(), role: z.enum(["admin", "builder", "user"]) }));

async function handler(req: NextApiRequest, res: NextApiResponse<WithAPIErrorResponse<{ sent: number }>>, auth: Authenticator): Promise<void> {
  if (req.method !== "POST") {
    return apiError(req, res, {
      status_code: 405,
      api_error: { type: "method_not_supported_error", message: "POST is expected." },
    });
  }
  const body = InvitationBodySchema.safeParse(req.body);
  if (!body.success) {
    return apiError(req, res, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: body.error.message },
    });
  }

  let sent = 0;
  for (const { email, role } of body.data) {
    const invitation = await MembershipInvitationResource.makeNew(auth, { inviteEmail: email, initialRole: role });
    try {
      await sendWorkspaceInvitationEmail(auth, invitation);
    } catch (err) {
      logger.error({ err, email }, "Failed to send invitation email");
      continue;
    }
    sent++;

    void emitAuditLogEvent({
      auth,
      action: "invitation.sent",
      targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("invitation", { sId: invitation.sId, name: email })],
      context: getAuditLogContext(auth, req),
      metadata: { invitee_email: email, role },
    });
  }

  return res.status(200).json({ sent });
}

export default withSessionAuthenticationForWorkspace(handler);
