import { Hono } from "hono";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import type { Authenticator } from "@app/lib/auth";
import { WebhookSourceResource } from "@app/lib/resources/webhook_source_resource";

export const webhookSources = new Hono<{ Variables: { auth: Authenticator } }>()
  .delete("/:sourceId", async (ctx) => {
    const authenticator = ctx.get("auth");
    const source = await WebhookSourceResource.fetchById(authenticator, ctx.req.param("sourceId"));
    if (!source) {
      return ctx.json({ error: { type: "webhook_source_not_found" } }, 404);
    }
    const r = await source.softDelete(authenticator);
    if (r.isErr()) {
      return ctx.json({ error: { type: "internal_server_error", message: r.error.message } }, 500);
    }

    void emitAuditLogEvent({
      auth: authenticator,
      action: "webhook_source.deleted",
      targets: [
        buildWorkspaceTarget(authenticator.getNonNullableWorkspace()),
        { type: "webhook_source", id: source.sId, name: source.name },
      ],
      context: getAuditLogContext(authenticator),
    });

    return ctx.body(null, 204);
  });
