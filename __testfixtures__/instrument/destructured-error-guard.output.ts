import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { MembershipResource } from "@app/lib/resources/membership_resource";
import { UserResource } from "@app/lib/resources/user_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const user = await UserResource.fetchById(req.query.uId as string);
  if (!user) {
    return apiError(req, res, { status_code: 404, api_error: { type: "user_not_found", message: "User not found." } });
  }

  const { error } = await MembershipResource.revokeMembership(auth, { user });
  if (error) {
    return apiError(req, res, { status_code: 400, api_error: { type: "invalid_request_error", message: error.message } });
  }

  void emitAuditLogEvent({
    auth,
    action: "member.revoked",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "user", id: user.sId, name: user.name },
    ],
    context: getAuditLogContext(auth, req),
  });

  res.status(204).end();
}

export default handler;
