import type { NextApiRequest, NextApiResponse } from "next";

import { apiError } from "@app/lib/api/errors";
import { buildAuditActor, emitAuditLogEvent, buildWorkspaceTarget, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { WebhookSourceResource } from "@app/lib/resources/webhook_source_resource";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const owner = auth.getNonNullableWorkspace();

  switch (req.method) {
    case "PATCH": {
      const source = await WebhookSourceResource.fetchById(auth, req.query.sourceId as string);
      if (!source) {
        return apiError(req, res, { status_code: 404, api_error: { type: "webhook_source_not_found", message: "Webhook source not found." } });
      }
      const r = await source.updateSecret(auth, req.body.secret);
      if (r.isErr()) {
        return apiError(req, res, { status_code: 500, api_error: { type: "internal_server_error", message: r.error.message } });
      }

      // Written before emits took `auth`: the workspace and the actor are passed by hand.
      void emitAuditLogEvent({
        workspace: owner,
        actor: buildAuditActor(auth),
        action: "webhook_source.secret_rotated",
        targets: [buildWorkspaceTarget(owner), { type: "webhook_source", id: source.sId, name: source.name }],
        context: getAuditLogContext(auth, req),
      });

      return res.status(200).json({ source: source.toJSON() });
    }
    default:
      return apiError(req, res, { status_code: 405, api_error: { type: "method_not_supported_error", message: "PATCH only." } });
  }
}

export function makeAuditedHandler(owner: { sId: string; name: string }) {
  return async (req: NextApiRequest, res: NextApiResponse) => {
    void emitAuditLogEvent({
      workspace: owner,
      actor: { type: "system", id: "front", name: "Front" },
      action: "webhook_source.pinged",
      targets: [buildWorkspaceTarget(owner)],
    });
    res.status(204).end();
  };
}

export default handler;
