import type { NextApiRequest, NextApiResponse } from "next";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { WebhookSourceResource } from "@app/lib/resources/webhook_source_resource";
import { generateSecureSecret } from "@app/lib/utils";
import type { WebhookSourceType, WithAPIErrorResponse } from "@app/types";

async function handler(req: NextApiRequest, res: NextApiResponse<WithAPIErrorResponse<{ webhookSource: WebhookSourceType }>>, auth: Authenticator): Promise<void> {
  switch (req.method) {
    case "POST": {
      const { name, signatureHeader } = req.body;
      const r = await WebhookSourceResource.makeNew(auth, { name, signatureHeader, secret: generateSecureSecret(64) });
      if (r.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: r.error.message },
        });
      }
      const webhookSource = r.value;

      void emitAuditLogEvent({
        auth,
        action: "webhook_source.created",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("webhook_source", webhookSource)],
        context: getAuditLogContext(auth, req),
        metadata: { signature_header: signatureHeader ?? "none" },
      });

      return res.status(201).json({ webhookSource: webhookSource.toJSON() });
    }
    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "POST is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
