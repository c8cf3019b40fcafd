import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { WithAPIErrorResponse } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import logger from "@app/lib/logger";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";

export type WorkspaceDomainResponseBody = {
  domain: string | null;
};

const DOMAIN_RE = /^(?!-)[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/i;

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<WorkspaceDomainResponseBody>>,
  auth: Authenticator
): Promise<void> {
  const owner = auth.getNonNullableWorkspace();
  const workspace = await WorkspaceResource.fetchById(owner.sId);
  if (!workspace) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "workspace_not_found", message: "The workspace was not found." },
    });
  }

  switch (req.method) {
    case "GET":
      return res.status(200).json({ domain: workspace.verifiedDomain });

    case "PATCH": {
      if (!auth.isAdmin()) {
        return apiError(req, res, {
          status_code: 403,
          api_error: {
            type: "workspace_auth_error",
            message: "Only users that are `admins` can change the workspace domain.",
          },
        });
      }

      const raw = req.body?.domain;
      if (typeof raw !== "string" || !DOMAIN_RE.test(raw.trim())) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: "Invalid domain." },
        });
      }

      const domain: string = raw.trim().toLowerCase();
      const previousDomain: string = workspace.verifiedDomain ?? "";

      try {
        await workspace.updateDomain(domain);
      } catch (err) {
        logger.error({ err, workspaceId: owner.sId, domain }, "Failed to update workspace domain");
        return apiError(req, res, {
          status_code: 409,
          api_error: {
            type: "domain_already_in_use",
            message: "This domain is already used by another workspace.",
          },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "workspace.domain_updated",
        targets: [buildWorkspaceTarget(owner)],
        context: getAuditLogContext(auth, req),
        metadata: {
          domain,
          previousDomain, // empty when no domain was verified before
        },
      });

      return res.status(200).json({ domain });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: {
          type: "method_not_supported_error",
          message: "The method passed is not supported, GET or PATCH is expected.",
        },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
