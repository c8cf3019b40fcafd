import { Hono } from "hono";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { rotateSigningSecret } from "@app/lib/api/webhooks";

export const webhooks = new Hono<{ Variables: { auth: Authenticator } }>();

webhooks.post("/:webhookId/rotate", async (c) => {
  const auth = c.get("auth");
  const webhookId = c.req.param("webhookId");
  try {
    await rotateSigningSecret(auth, webhookId);
  } catch (err) {
    void emitAuditLogEvent({
      auth,
      action: "webhook.secret_rotation_failed",
      targets: [
        buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      ],
      context: getAuditLogContext(auth),
      metadata: {
        webhook_id: String(webhookId),
      },
    });

    // Surface the provider error as is.
    return c.json({ error: String(err) }, 502);
  }
  return c.body(null, 204);
});
