import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";

import type { Authenticator } from "@app/lib/auth";
import { WebhookSourceResource } from "@app/lib/resources/webhook_source_resource";

type Env = { Variables: { auth: Authenticator } };

const app = new Hono<Env>();

app.delete("/:webhookSourceId", async (c) => {
  const auth = c.get("auth");
  const webhookSource = await WebhookSourceResource.fetchById(auth, c.req.param("webhookSourceId"));
  if (!webhookSource) {
    return c.json({ error: { type: "webhook_source_not_found" } }, 404);
  }

  const deleteRes = await webhookSource.delete(auth);
  if (deleteRes.isErr()) {
    return c.json({ error: { type: "internal_server_error", message: deleteRes.error.message } }, 500);
  }

  return c.body(null, 204);
});

export const webhookSources = app
  .get("/", async (c) => {
    const auth = c.get("auth");
    const all = await WebhookSourceResource.listByWorkspace(auth);
    return c.json({ webhookSources: all.map((w) => w.toJSON()) });
  })
  .delete(
    "/:webhookSourceId/secret",
    zValidator("query", z.object({ rotate: z.enum(["true", "false"]).optional() })),
    async (c) => {
      const auth = c.get("auth");
      const webhookSource = await WebhookSourceResource.fetchById(auth, c.req.param("webhookSourceId"));
      if (!webhookSource) {
        return c.json({ error: { type: "webhook_source_not_found" } }, 404);
      }
      return c.json({ webhookSource: webhookSource.toJSON() });
    }
  );
