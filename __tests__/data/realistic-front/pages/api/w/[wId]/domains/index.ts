import type { NextApiRequest, NextApiResponse } from "next";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import { addWorkspaceDomain, removeWorkspaceDomain } from "@app/lib/api/workspace_domains";
import type { Authenticator } from "@app/lib/auth";
import type { WithAPIErrorResponse, WorkspaceDomainType } from "@app/types";
import { isString } from "@app/types";

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<{ domain: WorkspaceDomainType } | void>>,
  auth: Authenticator
): Promise<void> {
  if (!auth.isAdmin()) {
    return apiError(req, res, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only admins can manage domains." },
    });
  }
  const { domain, useForSso } = req.body ?? {};
  if (!isString(domain)) {
    return apiError(req, res, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "A domain is required." },
    });
  }

  switch (req.method) {
    case "POST": {
      const r = await addWorkspaceDomain(auth, { domain, useForSso: useForSso === true });
      if (r.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: r.error.message },
        });
      }
      const added = r.value;

      void emitAuditLogEvent({
        auth,
        action: "domain.added",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("domain", { sId: added.sId, name: added.domain })],
        context: getAuditLogContext(auth, req),
        metadata: { domain: added.domain, use_for_sso: String(useForSso === true) },
      });

      return res.status(201).json({ domain: added });
    }
    case "DELETE": {
      const r = await removeWorkspaceDomain(auth, { domain });
      if (r.isErr()) {
        return apiError(req, res, {
          status_code: 404,
          api_error: { type: "workspace_domain_not_found", message: r.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "domain.removed",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("domain", { sId: r.value.sId, name: domain })],
        context: getAuditLogContext(auth, req),
        metadata: { domain },
      });

      return res.status(204).end();
    }
    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "POST or DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
