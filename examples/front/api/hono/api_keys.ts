// Mounted at /api/w/:wId/keys.

import {
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import type { AuditAction } from "@app/lib/api/audit/workos_audit";
import { apiErrorForHono } from "@app/lib/api/errors";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { ApiKeyResource, isApiKeyRole } from "@app/lib/resources/api_key_resource";

const MAX_KEY_NAME_LENGTH = 100;

const app = createWorkspaceRouter();

app.get("/", async (ctx) => {
  const auth = ctx.get("auth");
  if (!auth.isBuilder()) {
    return apiErrorForHono(ctx, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only builders can list API keys." },
    });
  }
  const keys = await ApiKeyResource.listForWorkspace(auth);
  return ctx.json({ keys: keys.map((k) => k.toJSON()) });
});

app.post("/", async (ctx) => {
  const auth = ctx.get("auth");
  if (!auth.isBuilder()) {
    return apiErrorForHono(ctx, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only builders can create API keys." },
    });
  }

  const { name, role = "builder" } = await ctx.req.json<{ name?: unknown; role?: unknown }>();
  if (typeof name !== "string" || !name.trim() || name.length > MAX_KEY_NAME_LENGTH) {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Invalid key name." },
    });
  }
  if (!isApiKeyRole(role)) {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Invalid key role." },
    });
  }

  const key = await ApiKeyResource.makeNew(auth, { name: name.trim(), role });

  void emitAuditLogEvent({
    auth,
    action: "api_key.created",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      // Keys were logged by model id before sIds existed; keep it so old
      // and new events for the same key line up.
      { type: "api_key", id: String(key.id), name: key.name },
    ],
    context: getAuditLogContext(auth),
    metadata: { key_role: String(key.role) },
  });

  // The only response that carries the full secret.
  return ctx.json({ key: { ...key.toJSON(), secret: key.secret } }, 201);
});

app.delete("/:keyId", async (ctx) => {
  const auth = ctx.get("auth");

  const key = await ApiKeyResource.fetchById(auth, ctx.req.param("keyId"));
  if (!key) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "api_key_not_found", message: "The API key was not found." },
    });
  }

  const result = await ApiKeyResource.revoke(auth, key);
  if (result.isErr()) {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: result.error.message },
    });
  }

  return ctx.body(null, 204);
});

app.post("/:keyId/rotate", async (ctx) => {
  const auth = ctx.get("auth");

  const key = await ApiKeyResource.fetchById(auth, ctx.req.param("keyId"));
  if (!key) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "api_key_not_found", message: "The API key was not found." },
    });
  }

  const result = await key.rotateSecret(auth);
  if (result.isErr()) {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: result.error.message },
    });
  }

  void emitAuditLogEvent({
    auth,
    action: "api_key.rotated" as AuditAction, // TODO(audit): register + add the schema
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "api_key", id: key.sId, name: key.name },
    ],
    context: getAuditLogContext(auth),
  });

  return ctx.json({ key: { ...result.value.toJSON(), secret: result.value.secret } });
});

export default app;
