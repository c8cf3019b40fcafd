import { Hono } from "hono";

import { emitAuditEvent as audit, emitAuditLogEventForSystem } from "@app/lib/api/audit/workos_audit";
import { KeyResource } from "@app/lib/resources/key_resource";
import { getWorkspaceInfos } from "@app/lib/workspace";
import { emitAuditLogEventLater } from "@app/lib/audit_queue";
import type { HonoEnv } from "@app/types/hono";

const app = new Hono<HonoEnv>();

app.delete("/:keyId", async (ctx) => {
  const auth = ctx.get("auth");
  const key = await KeyResource.fetchByWorkspaceAndId(auth, ctx.req.param("keyId"));
  if (!key) {
    return ctx.json({ error: { type: "key_not_found", message: "Key not found." } }, 404);
  }
  const revoked = await key.revoke(auth);
  if (revoked.isErr()) {
    return ctx.json({ error: { type: "internal_server_error", message: revoked.error.message } }, 500);
  }
  await audit({
    auth,
    action: "api_key.revoked",
    targets: [{ type: "api_key", id: key.sId, name: key.name }],
    metadata: { key_role: key.role },
  });
  // Not an audit module function: a queue of its own, awaited on purpose.
  await emitAuditLogEventLater({ keyId: key.sId });
  return ctx.json({ revoked: true });
});

export async function rotateKeysActivity({ workspaceId }: { workspaceId: string }): Promise<void> {
  const workspace = await getWorkspaceInfos(workspaceId);
  if (!workspace) {
    return;
  }
  const rotated = await KeyResource.rotateExpired(workspace);
  for (const key of rotated) {
    await emitAuditLogEventForSystem({
      workspace,
      actor: { type: "system", id: "temporal", name: "Key rotation" },
      action: "api_key.rotated",
      targets: [{ type: "api_key", id: key.sId, name: key.name }],
    });
  }
}

export function notifyRotation(workspace: LightWorkspace, key: KeyResource) {
  return emitAuditLogEventForSystem({
    workspace,
    actor: { type: "system", id: "front", name: "Front" },
    action: "api_key.rotated",
    targets: [{ type: "api_key", id: key.sId, name: key.name }],
  });
}

export default app;
