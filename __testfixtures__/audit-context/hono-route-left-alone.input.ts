// Hono port of /api/w/[wId]/triggers/*: the request lives on `ctx`, so getAuditLogContext(auth) is right here.

import {
  buildAuditLogTarget,
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { apiErrorForHono } from "@app/lib/api/errors";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { TriggerResource } from "@app/lib/resources/trigger_resource";

const app = createWorkspaceRouter();

app.patch("/:tId", async (ctx) => {
  const auth = ctx.get("auth");
  const trigger = await TriggerResource.fetchById(auth, ctx.req.param("tId"));
  if (!trigger) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "trigger_not_found", message: "The trigger was not found." },
    });
  }

  const body = await ctx.req.json<{ enabled?: boolean }>();
  const r = await trigger.setEnabled(auth, body.enabled === true);
  if (r.isErr()) {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: r.error.message },
    });
  }

  void emitAuditLogEvent({
    auth,
    action: "trigger.updated",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      buildAuditLogTarget("trigger", trigger),
    ],
    context: getAuditLogContext(auth),
  });

  return ctx.json({ trigger: trigger.toJSON() });
});

app.delete("/:tId", async (c) => {
  const auth = c.get("auth");
  const trigger = await TriggerResource.fetchById(auth, c.req.param("tId"));
  if (!trigger) {
    return apiErrorForHono(c, {
      status_code: 404,
      api_error: { type: "trigger_not_found", message: "The trigger was not found." },
    });
  }

  await trigger.delete(auth);
  void emitAuditLogEvent({
    auth,
    action: "trigger.deleted",
    targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace()), buildAuditLogTarget("trigger", trigger)],
  });

  return c.body(null, 204);
});

export default app;
