import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildAuditLogTarget,
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { WithAPIErrorResponse } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { WebhookResource } from "@app/lib/resources/webhook_resource";
import type { WebhookType } from "@app/types/webhook";

export type WebhookResponseBody = { webhook: WebhookType };

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<WebhookResponseBody>>,
  auth: Authenticator
): Promise<void> {
  const owner = auth.getNonNullableWorkspace();
  const webhook = await WebhookResource.fetchById(auth, req.query.webhookId as string);
  if (!webhook) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "webhook_not_found", message: "The webhook was not found." },
    });
  }

  switch (req.method) {
    case "PATCH": {
      const { url } = req.body as { url?: unknown };
      if (typeof url !== "string") {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: "Invalid url." },
        });
      }
      const updateRes = await webhook.updateUrl(auth, url);
      if (updateRes.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: updateRes.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "webhook.updated",
        targets: [
          buildWorkspaceTarget(owner),
          buildAuditLogTarget("webhook", webhook),
        ],
        context: getAuditLogContext(auth, req),
        metadata: {
          url, // the new url only: the old one may hold a secret
        },
      });

      return res.status(200).json({ webhook: webhook.toJSON() });
    }

    case "DELETE": {
      const deleteRes = await webhook.delete(auth);
      if (deleteRes.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: deleteRes.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "webhook.deleted",
        targets: [buildWorkspaceTarget(owner), buildAuditLogTarget("webhook", webhook)],
        context: getAuditLogContext(auth, req),
      });

      return res.status(204).end();
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: {
          type: "method_not_supported_error",
          message: "The method passed is not supported, PATCH or DELETE is expected.",
        },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
