import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";

import { buildWorkspaceTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { HonoEnv } from "@app/lib/api/hono";
import { KeyResource } from "@app/lib/resources/api_key_resource";

const PatchKeyBody = z.object({ name: z.string().min(1) });

export const apiKeysApp = new Hono<HonoEnv>();

apiKeysApp.patch("/", zValidator("json", PatchKeyBody), async (ctx) => {
  const keyAuth = ctx.get("auth");
  const key = await KeyResource.fetchById(keyAuth, ctx.req.param("keyId"));
  if (!key) {
    return ctx.json({ error: "api_key_not_found" }, 404);
  }
  const { name } = ctx.req.valid("json");
  await key.rename(keyAuth, name);
  void emitAuditLogEvent({ auth: keyAuth, action: "api_key.renamed", targets: [buildWorkspaceTarget(keyAuth.getNonNullableWorkspace()), { type: "api_key", id: key.sId, name: key.name }], metadata: { name } });
  return ctx.json({ key: key.toJSON() });
});

apiKeysApp.delete("/", async (ctx) => {
  const key = await KeyResource.fetchById(ctx.get("auth"), ctx.req.param("keyId"));
  if (!key) {
    return ctx.json({ error: "api_key_not_found" }, 404);
  }
  await key.revoke(ctx.get("auth"));
  void emitAuditLogEvent({
    auth: ctx.get("auth"),
    action: "api_key.revoked",
    targets: [buildWorkspaceTarget(ctx.get("auth").getNonNullableWorkspace()), { type: "api_key", id: key.sId, name: key.name }],
  });
  return ctx.body(null, 204);
});
