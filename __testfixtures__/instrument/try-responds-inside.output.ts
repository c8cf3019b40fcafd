import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { MembershipResource } from "@app/lib/resources/membership_resource";
import { apiError } from "@app/logger/withlogging";

export default async function handler(
  req: NextApiRequest,
  res: NextApiResponse,
  auth: Authenticator
) {
  if (req.method !== "POST") {
    return apiError(req, res, { status_code: 405, api_error: { type: "method_not_supported_error", message: "Method not supported." } });
  }
  const { userId, role } = req.body as { userId: string; role: "admin" | "builder" | "user" };
  try {
    const membership = await MembershipResource.updateRole(auth, { userId, role });

    void emitAuditLogEvent({
      auth,
      action: "member.role_updated",
      targets: [
        buildWorkspaceTarget(auth.getNonNullableWorkspace()),
        { type: "user", id: membership.user.sId, name: membership.user.name },
      ],
      context: getAuditLogContext(auth, req),
      metadata: {
        new_role: String(role),
      },
    });

    /* The client refreshes the member list from this payload. */
    return res.status(200).json({ membership: membership.toJSON() });
  } catch (e) {
    return apiError(req, res, { status_code: 400, api_error: { type: "invalid_request_error", message: (e as Error).message } });
  }
}
