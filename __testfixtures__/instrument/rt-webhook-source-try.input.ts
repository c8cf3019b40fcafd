import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { WebhookSourceResource } from "@app/lib/resources/webhook_source_resource";
import { generateSecureSecret } from "@app/lib/utils";
import logger from "@app/logger/logger";
import { apiError } from "@app/logger/withlogging";
import type { WithAPIErrorResponse } from "@app/types/error";
import { isWebhookSourceKind } from "@app/types/triggers/webhooks";

type PostWebhookSourcesResponseBody = { webhookSource: { sId: string; name: string } };

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<PostWebhookSourcesResponseBody>>,
  auth: Authenticator,
): Promise<void> {
  if (!auth.isAdmin()) {
    return apiError(req, res, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only admins can manage webhook sources." },
    });
  }

  switch (req.method) {
    case "POST": {
      const { name, kind, signatureHeader } = req.body;
      if (typeof name !== "string" || name.length === 0 || !isWebhookSourceKind(kind)) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: "A name and a valid kind are required." },
        });
      }

      const existing = await WebhookSourceResource.fetchByName(auth, name);
      if (existing) {
        return apiError(req, res, {
          status_code: 409,
          api_error: { type: "invalid_request_error", message: `A webhook source named ${name} already exists.` },
        });
      }

      try {
        const webhookSource = await WebhookSourceResource.makeNew(auth, {
          name,
          kind,
          secret: generateSecureSecret(64),
          signatureHeader: signatureHeader ?? null,
          workspaceId: auth.getNonNullableWorkspace().id,
        });

        return res.status(201).json({ webhookSource: webhookSource.toJSON() });
      } catch (err) {
        logger.error({ err, workspaceId: auth.workspace()?.sId }, "Failed to create webhook source");
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: "Failed to create the webhook source." },
        });
      }
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, POST is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
