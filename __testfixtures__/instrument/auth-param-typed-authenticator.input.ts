import type { Authenticator } from "@app/lib/auth";
import type { MCPServerViewResource } from "@app/lib/resources/mcp_server_view_resource";
import type { Result } from "@app/types/shared/result";
import { Ok } from "@app/types/shared/result";

export async function enableTool(authenticator: Authenticator, tool: MCPServerViewResource): Promise<Result<void, Error>> {
  const r = await tool.enable(authenticator);
  if (r.isErr()) {
    return r;
  }
  return new Ok(undefined);
}
