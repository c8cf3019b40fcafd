import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import { apiError } from "@app/logger/withlogging";

export default async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const owner = auth.getNonNullableWorkspace();
  const { domain } = req.body as { domain: string };

  const updated = await WorkspaceResource.updateDomain(owner, domain);
  if (updated.isOk()) {
    void emitAuditLogEvent({
      auth,
      action: "workspace.domain_updated",
      targets: [
        buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      ],
      context: getAuditLogContext(auth, req),
      metadata: {
        domain: String(domain),
      },
    });

    return res.status(200).json({ domain });
  } else {
    return apiError(req, res, { status_code: 400, api_error: { type: "invalid_request_error", message: updated.error.message } });
  }
}
