import type { NextApiRequest, NextApiResponse } from "next";

import { buildAuditLogTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import { apiError } from "@app/lib/api/errors";
import { getWorkOS } from "@app/lib/api/workos/client";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import logger from "@app/logger/logger";

export const config = { api: { bodyParser: false } };

/** WorkOS tells us about domain verification: an external event, so the actor is the system. */
export default async function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  if (req.method !== "POST") {
    return apiError(req, res, {
      status_code: 405,
      api_error: { type: "method_not_supported_error", message: "POST is expected." },
    });
  }
  let event;
  try {
    event = await getWorkOS().webhooks.constructEvent({ payload: req.body, sigHeader: req.headers["workos-signature"] as string, secret: process.env.WORKOS_WEBHOOK_SECRET ?? "" });
  } catch (err) {
    logger.warn({ err }, "Invalid WorkOS webhook signature");
    return apiError(req, res, {
      status_code: 401,
      api_error: { type: "invalid_request_error", message: "Invalid signature." },
    });
  }

  if (event.event === "organization_domain.verified") {
    const workspace = await WorkspaceResource.fetchByWorkOSOrganizationId(event.data.organizationId);
    if (!workspace) {
      return res.status(200).json({ ignored: true });
    }
    const domain = await workspace.upsertVerifiedDomain(event.data.domain);

    void emitAuditLogEventDirect({
      workspace,
      actor: { type: "system", id: "workos", name: "WorkOS" },
      action: "domain.added",
      targets: [buildAuditLogTarget("workspace", workspace), buildAuditLogTarget("domain", { sId: domain.sId, name: domain.domain })],
      context: { location: "internal" },
      metadata: { domain: domain.domain, use_for_sso: "true" },
    });
  }

  return res.status(200).json({ received: true });
}
