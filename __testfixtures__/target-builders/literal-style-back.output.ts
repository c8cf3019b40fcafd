import { Hono } from "hono";

import { buildWorkspaceTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { HonoEnv } from "@app/lib/api/hono";
import { TriggerResource } from "@app/lib/resources/trigger_resource";

export const triggersApp = new Hono<HonoEnv>();

triggersApp.patch("/:triggerId", async (ctx) => {
  const auth = ctx.get("auth");
  const trigger = await TriggerResource.fetchById(auth, ctx.req.param("triggerId"));
  if (!trigger) {
    return ctx.json({ error: "trigger_not_found" }, 404);
  }
  const r = await trigger.update(auth, await ctx.req.json());
  if (r.isErr()) {
    return ctx.json({ error: r.error.message }, 400);
  }
  void emitAuditLogEvent({
    auth,
    action: "trigger.updated",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "trigger", id: trigger.sId, name: trigger.name },
    ],
  });
  return ctx.json({ trigger: trigger.toJSON() });
});

triggersApp.delete("/:triggerId", async (ctx) => {
  const auth = ctx.get("auth");
  const trigger = await TriggerResource.fetchById(auth, ctx.req.param("triggerId"));
  if (!trigger) {
    return ctx.json({ error: "trigger_not_found" }, 404);
  }
  await trigger.delete(auth);
  void emitAuditLogEvent({ auth, action: "trigger.deleted", targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace()), { type: "trigger", id: trigger.sId, name: trigger.name }] });
  return ctx.body(null, 204);
});
