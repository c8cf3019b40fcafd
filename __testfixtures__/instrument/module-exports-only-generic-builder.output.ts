// Mounted at /api/w/:wId/mcp_servers.

import { apiErrorForHono } from "@app/lib/api/errors";
import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { MCPServerViewResource } from "@app/lib/resources/mcp_server_view_resource";

const app = createWorkspaceRouter();

app.delete("/:serverId", async (ctx) => {
  const auth = ctx.get("auth");
  if (!auth.isAdmin()) {
    return apiErrorForHono(ctx, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only admins can remove tools." },
    });
  }
  const server = await MCPServerViewResource.fetchById(auth, ctx.req.param("serverId"));
  if (!server) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "mcp_server_not_found", message: "Tool not found." },
    });
  }

  const result = await server.delete(auth, { hardDelete: true });
  if (result.isErr()) {
    return apiErrorForHono(ctx, { status_code: 500, api_error: { type: "internal_server_error", message: result.error.message } });
  }

  void emitAuditLogEvent({
    auth,
    action: "mcp_server.deleted",
    targets: [
      buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),
      { type: "mcp_server", id: server.sId, name: server.name },
    ],
    context: getAuditLogContext(auth),
  });

  return ctx.body(null, 204);
});

export default app;
