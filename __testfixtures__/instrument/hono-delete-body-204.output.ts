import { Hono } from "hono";

import {
  buildAuditLogTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { ApiKeyResource } from "@app/lib/resources/api_key_resource";

type Env = { Variables: { auth: Authenticator } };

export const keys = new Hono<Env>()
  .get("/", async (c) => {
    const auth = c.get("auth");
    const all = await ApiKeyResource.listForWorkspace(auth);
    return c.json({ keys: all.map((k) => k.toJSON()) });
  })
  .delete("/:keyId", async (c) => {
    const auth = c.get("auth");
    const key = await ApiKeyResource.fetchById(auth, c.req.param("keyId"));
    if (!key) {
      return c.json({ error: "not_found" }, 404);
    }
    const revoked = await ApiKeyResource.revoke(auth, key);
    if (!revoked) {
      return c.json({ error: "already_revoked" }, 409);
    }

    void emitAuditLogEvent({
      auth,
      action: "api_key.revoked",
      targets: [
        buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),
        buildAuditLogTarget("api_key", key),
      ],
      context: getAuditLogContext(auth),
      metadata: {
        key_role: String(key.role),
        key_name: String(key.name),
      },
    });

    return c.body(null, 204);
  });
