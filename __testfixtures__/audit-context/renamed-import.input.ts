import type { NextApiRequest, NextApiResponse } from "next";

import {
  emitAuditLogEvent,
  getAuditLogContext as auditLogContextOf,
} from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  if (req.method !== "PATCH") {
    return apiError(req, res, {
      status_code: 405,
      api_error: { type: "method_not_supported_error", message: "PATCH is expected." },
    });
  }

  const owner = auth.getNonNullableWorkspace();
  const previousDomain = owner.allowedDomain;
  const r = await WorkspaceResource.updateAllowedDomain(owner.id, req.body.domain);
  if (r.isErr()) {
    return apiError(req, res, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: r.error.message },
    });
  }

  void emitAuditLogEvent({
    auth,
    action: "workspace.domain_updated",
    targets: [{ type: "workspace", id: owner.sId, name: owner.name }],
    metadata: {
      previous_domain: previousDomain ?? "",
      new_domain: String(req.body.domain),
    },
  });

  return res.status(200).json({ domain: req.body.domain });
}

export default withSessionAuthenticationForWorkspace(handler);
