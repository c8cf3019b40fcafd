// Hono port of /api/w/[wId]/keys/*, mounted at /api/w/:wId/keys.

import {
  buildAuditLogTarget,
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { apiErrorForHono } from "@app/lib/api/errors";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { KeyResource } from "@app/lib/resources/api_key_resource";

const app = createWorkspaceRouter();

app.post("/", async (ctx) => {
  const auth = ctx.get("auth");
  const body = await ctx.req.json<{ name?: unknown; monthlyCap?: number }>();
  if (typeof body.name !== "string") {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "`name` is required." },
    });
  }

  const key = await KeyResource.makeNew(auth, { name: body.name, monthlyCap: body.monthlyCap ?? null });
  void emitAuditLogEvent({
    auth,
    action: "api_key.created",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      buildAuditLogTarget("api_key", key),
    ],
    context: getAuditLogContext(auth),
    metadata: {
      monthly_cap: body.monthlyCap ?? 0,
      has_cap: String(body.monthlyCap !== undefined),
      key_name: body.name,
    },
  });

  return ctx.json({ key: key.toJSON() }, 201);
});

export default app;
