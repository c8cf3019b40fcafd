import { Hono } from "hono";
import { z } from "zod";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { apiErrorForHono } from "@app/lib/api/hono/errors";
import type { HonoEnv } from "@app/lib/api/hono/types";
import { TriggerResource } from "@app/lib/resources/trigger_resource";

const TriggerBody = z.object({ name: z.string(), cron: z.string(), timezone: z.string(), agentId: z.string() });

export const triggersApp = new Hono<HonoEnv>();

triggersApp.post("/", async (ctx) => {
  const auth = ctx.get("auth");
  const body = TriggerBody.safeParse(await ctx.req.json());
  if (!body.success) {
    return apiErrorForHono(ctx, { status_code: 400, api_error: { type: "invalid_request_error", message: body.error.message } });
  }
  const created = await TriggerResource.makeNew(auth, { ...body.data, editor: auth.getNonNullableUser().id });
  if (created.isErr()) {
    return apiErrorForHono(ctx, { status_code: 500, api_error: { type: "internal_server_error", message: created.error.message } });
  }
  const trigger = created.value;

  void emitAuditLogEvent({
    auth,
    action: "trigger.created",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("trigger", trigger)],
    context: getAuditLogContext(auth),
    metadata: { cron_expression: body.data.cron, timezone: body.data.timezone },
  });

  return ctx.json({ trigger: trigger.toJSON() }, 201);
});

triggersApp.patch("/:triggerId", async (ctx) => {
  const auth = ctx.get("auth");
  const trigger = await TriggerResource.fetchById(auth, ctx.req.param("triggerId"));
  if (!trigger) {
    return apiErrorForHono(ctx, { status_code: 404, api_error: { type: "trigger_not_found", message: "Trigger not found." } });
  }
  const { enabled } = await ctx.req.json<{ enabled: boolean }>();
  const updated = enabled ? await trigger.enable(auth) : await trigger.disable(auth);
  if (updated.isErr()) {
    return apiErrorForHono(ctx, { status_code: 500, api_error: { type: "internal_server_error", message: updated.error.message } });
  }

  void emitAuditLogEvent({
    auth,
    action: "trigger.updated",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("trigger", trigger)],
    context: getAuditLogContext(auth),
    metadata: { enabled: String(enabled) },
  });

  return ctx.json({ trigger: trigger.toJSON() });
});
