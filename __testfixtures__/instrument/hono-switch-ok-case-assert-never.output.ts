import { Hono } from "hono";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import type { Authenticator } from "@app/lib/auth";
import { MCPServerViewResource } from "@app/lib/resources/mcp_server_view_resource";
import { assertNever } from "@app/types/shared/utils/assert_never";

type Env = { Variables: { auth: Authenticator } };

export const mcpViews = new Hono<Env>().patch("/:viewId/tools/:toolName", async (c) => {
  const auth = c.get("auth");
  const view = await MCPServerViewResource.fetchById(auth, c.req.param("viewId"));
  if (!view) {
    return c.json({ error: { type: "mcp_server_view_not_found" } }, 404);
  }

  const toolName = c.req.param("toolName");
  const { permission } = await c.req.json<{ permission: "high" | "low" }>();
  const r = await view.setToolPermission(auth, toolName, permission);
  switch (r.type) {
    case "ok":
      void emitAuditLogEvent({
        auth,
        action: "mcp_server_view.tool_permission_updated",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "mcp_server_view", id: view.sId, name: view.name },
        ],
        context: getAuditLogContext(auth),
        metadata: {
          tool_name: String(toolName),
          permission: String(permission),
        },
      });

      return c.json({ view: view.toJSON() });
    case "error":
      return c.json({ error: { type: "invalid_request_error", message: r.error.message } }, 400);
    default:
      assertNever(r);
  }
});
