import { Hono } from "hono";

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
      return c.json({ view: view.toJSON() });
    case "error":
      return c.json({ error: { type: "invalid_request_error", message: r.error.message } }, 400);
    default:
      assertNever(r);
  }
});
