import { Hono } from "hono";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { apiErrorForHono } from "@app/lib/api/hono/errors";
import type { HonoEnv } from "@app/lib/api/hono/types";
import { MCPServerViewResource } from "@app/lib/resources/mcp_server_view_resource";
import { RemoteMCPServerResource } from "@app/lib/resources/remote_mcp_servers_resource";

export const mcpServersApp = new Hono<HonoEnv>();

mcpServersApp.post("/", async (ctx) => {
  const auth = ctx.get("auth");
  if (!auth.isAdmin()) {
    return apiErrorForHono(ctx, { status_code: 403, api_error: { type: "workspace_auth_error", message: "Admins only." } });
  }
  const { url, sharedSecret } = await ctx.req.json<{ url: string; sharedSecret?: string }>();
  const server = await RemoteMCPServerResource.makeNew(auth, { url, sharedSecret: sharedSecret ?? null });
  const view = await MCPServerViewResource.create(auth, { mcpServerId: server.sId, space: await auth.getGlobalSpace() });

  void emitAuditLogEvent({
    auth,
    action: "mcp_server.installed",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("mcp_server", server)],
    context: getAuditLogContext(auth),
    metadata: { server_url: url, view_id: view.sId },
  });

  return ctx.json({ server: server.toJSON() }, 201);
});

mcpServersApp.delete("/:serverId", async (ctx) => {
  const auth = ctx.get("auth");
  const server = await RemoteMCPServerResource.fetchById(auth, ctx.req.param("serverId"));
  if (!server) {
    return apiErrorForHono(ctx, { status_code: 404, api_error: { type: "mcp_server_not_found", message: "Server not found." } });
  }
  const deleted = await server.delete(auth);
  if (deleted.isErr()) {
    return apiErrorForHono(ctx, { status_code: 500, api_error: { type: "internal_server_error", message: deleted.error.message } });
  }

  void emitAuditLogEvent({
    auth,
    action: "mcp_server.removed",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("mcp_server", server)],
    context: getAuditLogContext(auth),
    metadata: { server_url: server.url },
  });

  return ctx.body(null, 204);
});
