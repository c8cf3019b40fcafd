import { Hono } from "hono";
import { emitAuditLogEvent, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";

const app = new Hono();

app.delete("/:keyId", async (ctx) => {
  const auth = ctx.get("auth");
  const key = await KeyResource.fetchById(auth, ctx.req.param("keyId"));
  const r = await key.revoke(auth);
  if (r.isErr()) return ctx.json({ error: r.error.message }, 400);
  void emitAuditLogEvent({ auth, action: "api_key.revoked", targets: [{ type: "api_key", id: key.sId, name: key.name }] }); // fire and forget
  return ctx.body(null, 204);
});

export async function syncDirectoryActivity({ workspace }: { workspace: LightWorkspaceType }) {
  await syncGroups(workspace);
  void emitAuditLogEventDirect({
    workspace,
    action: "group.synced",
    actor: { type: "system", id: "workos", name: "Directory Sync" },
    targets: [{ type: "workspace", id: workspace.sId, name: workspace.name }],
    context: { location: "internal" },
  });
}

export default app;
