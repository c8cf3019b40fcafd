// Mounted at /api/w/:wId/webhooks.

import {
  buildAuditActor,
  buildAuditLogTarget,
  buildWorkspaceTarget,
  emitAuditLogEvent as emitAudit,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { apiErrorForHono } from "@app/lib/api/errors";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { WebhookResource } from "@app/lib/resources/webhook_resource";

const app = createWorkspaceRouter();

app.post("/", async (ctx) => {
  const auth = ctx.get("auth");
  const owner = auth.getNonNullableWorkspace();
  if (!auth.isBuilder()) {
    return apiErrorForHono(ctx, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only builders can add webhooks." },
    });
  }

  const { url } = await ctx.req.json<{ url?: unknown }>();
  if (typeof url !== "string") {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Invalid url." },
    });
  }

  const result = await WebhookResource.makeNew(auth, { url });
  if (result.isErr()) {
    return apiErrorForHono(ctx, {
      status_code: 500,
      api_error: { type: "internal_server_error", message: result.error.message },
    });
  }
  const webhook = result.value;

  void emitAudit({
    action: "webhook.created", // first: the dashboard sorts by it
    workspace: owner,
    actor: buildAuditActor(auth),
    targets: [buildWorkspaceTarget(owner), buildAuditLogTarget("webhook", webhook)],
    context: getAuditLogContext(auth),
    metadata: { url },
  });

  return ctx.json({ webhook: webhook.toJSON() }, 201);
});

app.delete("/:webhookId", async (ctx) => {
  const auth = ctx.get("auth");
  const owner = auth.getNonNullableWorkspace();
  const webhook = await WebhookResource.fetchById(auth, ctx.req.param("webhookId"));
  if (!webhook) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "webhook_not_found", message: "The webhook was not found." },
    });
  }

  try {
    await webhook.delete(auth);
  } catch (err) {
    return apiErrorForHono(ctx, {
      status_code: 500,
      api_error: { type: "internal_server_error", message: String(err) },
    });
  }

  // The scheduler deletes webhooks too: it passes its own actor, which is not a user's.
  void emitAudit({ workspace: owner, action: "webhook.deleted", actor: { type: "system", id: "scheduler" }, targets: [buildWorkspaceTarget(owner)] });

  void emitAudit({ workspace: owner, action: "webhook.deleted", actor: buildAuditActor(auth), targets: [buildWorkspaceTarget(owner), buildAuditLogTarget("webhook", webhook)], context: getAuditLogContext(auth) });

  return ctx.body(null, 204);
});

export default app;
