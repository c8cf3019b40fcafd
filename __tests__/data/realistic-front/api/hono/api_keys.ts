import { Hono } from "hono";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { apiErrorForHono } from "@app/lib/api/hono/errors";
import type { HonoEnv } from "@app/lib/api/hono/types";
import { KeyResource } from "@app/lib/resources/key_resource";

export const apiKeysApp = new Hono<HonoEnv>();

apiKeysApp.delete("/:keyId", async (ctx) => {
  const auth = ctx.get("auth");
  const key = await KeyResource.fetchByWorkspaceAndId(auth.getNonNullableWorkspace(), ctx.req.param("keyId"));
  if (!key || key.isSystem) {
    return apiErrorForHono(ctx, { status_code: 404, api_error: { type: "api_key_not_found", message: "API key not found." } });
  }

  const result = await KeyResource.revoke(auth, key);
  if (result.isErr()) {
    return apiErrorForHono(ctx, { status_code: 500, api_error: { type: "internal_server_error", message: result.error.message } });
  }

  void emitAuditLogEvent({
    auth,
    action: "api_key.revoked",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("api_key", key)],
    context: getAuditLogContext(auth),
    metadata: { key_name: key.name },
  });

  return ctx.body(null, 204);
});

apiKeysApp.post("/:keyId/rotate", async (ctx) => {
  const auth = ctx.get("auth");
  const key = await KeyResource.fetchByWorkspaceAndId(auth.getNonNullableWorkspace(), ctx.req.param("keyId"));
  if (!key) {
    return apiErrorForHono(ctx, { status_code: 404, api_error: { type: "api_key_not_found", message: "API key not found." } });
  }
  const rotated = await key.rotateSecret(auth);
  if (rotated.isErr()) {
    return apiErrorForHono(ctx, { status_code: 500, api_error: { type: "internal_server_error", message: rotated.error.message } });
  }

  void emitAuditLogEvent({
    auth,
    action: "api_key.rotated",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("api_key", key)],
    context: getAuditLogContext(auth),
    metadata: { key_name: key.name, rotated_by: "user" },
  });

  return ctx.json({ key: rotated.value.toJSON() });
});
