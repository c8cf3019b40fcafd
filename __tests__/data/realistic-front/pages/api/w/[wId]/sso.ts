import type { NextApiRequest, NextApiResponse } from "next";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import type { WithAPIErrorResponse } from "@app/types";

async function handler(req: NextApiRequest, res: NextApiResponse<WithAPIErrorResponse<{ ssoEnforced: boolean }>>, auth: Authenticator): Promise<void> {
  if (req.method !== "PATCH") {
    return apiError(req, res, {
      status_code: 405,
      api_error: { type: "method_not_supported_error", message: "PATCH is expected." },
    });
  }
  if (!auth.isAdmin()) {
    return apiError(req, res, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only admins can change SSO enforcement." },
    });
  }
  const enforced = req.body.ssoEnforced === true;
  const owner = auth.getNonNullableWorkspace();
  const previous = owner.ssoEnforced === true;

  const [affected] = await WorkspaceResource.updateSsoEnforcement(owner.id, enforced);
  if (affected === 0) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "workspace_not_found", message: "The workspace was not found." },
    });
  }

  void emitAuditLogEvent({
    auth,
    action: "workspace.sso_enforcement_updated",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace())],
    context: getAuditLogContext(auth, req),
    metadata: { previous_value: String(previous), new_value: String(enforced) },
  });

  return res.status(200).json({ ssoEnforced: enforced });
}

export default withSessionAuthenticationForWorkspace(handler);
