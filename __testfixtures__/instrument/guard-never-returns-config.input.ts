import { Hono } from "hono";

import type { Authenticator } from "@app/lib/auth";
import { TriggerResource } from "@app/lib/resources/trigger_resource";
import { Errors, fail } from "@app/lib/errors";

export const triggers = new Hono<{ Variables: { auth: Authenticator } }>();

triggers.delete("/:tId", async (c) => {
  const auth = c.get("auth");
  const trigger = await TriggerResource.fetchById(auth, c.req.param("tId"));
  if (!trigger) {
    fail(404, "trigger_not_found");
  }
  const r = await trigger.delete(auth);
  if (r.isErr()) {
    if (r.error.code === "in_use") {
      fail(409, "trigger_in_use");
    }
    Errors.unreachable(r.error);
  }
  return c.body(null, 204);
});
