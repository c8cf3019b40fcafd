import { Hono } from "hono";

import type { Authenticator } from "@app/lib/auth";
import { TriggerResource } from "@app/lib/resources/trigger_resource";

export const triggerRoutes = new Hono<{ Variables: { auth: Authenticator } }>();

triggerRoutes.patch("/:tId", async (c) => {
  const auth = c.get("auth");
  const trigger = await TriggerResource.fetchById(auth, c.req.param("tId"));
  if (!trigger) {
    return c.json({ error: { type: "trigger_not_found" } }, 404);
  }
  const updated = await trigger.updateConfiguration(auth, await c.req.json());
  if (updated.status === "scheduled") {
    return c.json({ trigger: trigger.toJSON(), scheduled: true });
  } else {
    return c.json({ trigger: trigger.toJSON(), scheduled: false });
  }
});
