import { Hono } from "hono";

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
    return ctx.body(null, 204);
  });
