import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { WorkspaceDomainResource } from "@app/lib/resources/workspace_domain_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  switch (req.method) {
    case "POST": {
      const domain = await WorkspaceDomainResource.fetchByName(auth, req.body.domain);
      if (!domain) {
        return apiError(req, res, {
          status_code: 404,
          api_error: { type: "domain_not_found", message: "The domain was not found." },
        });
      }
      const verification = await domain.verify(auth);
      switch (verification.status) {
        case "dns_record_missing":
          void emitAuditLogEvent({
            auth,
            action: "domain.verification_failed",
            targets: [
              buildWorkspaceTarget(auth.getNonNullableWorkspace()),
              { type: "domain", id: domain.sId, name: domain.name },
            ],
            context: getAuditLogContext(auth, req),
            metadata: {
              domain_name: String(domain.name),
            },
          });

          return apiError(req, res, {
            status_code: 400,
            api_error: { type: "invalid_request_error", message: "The TXT record was not found." },
          });
        case "verified":
        case "already_verified":
          break;
      }
      return res.status(200).json({ domain: domain.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, POST is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
