import { buildAuditLogTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { executeWithLock } from "@app/lib/lock";
import { MCPServerViewResource } from "@app/lib/resources/mcp_server_view_resource";
import type { Result } from "@app/types";
import { Err, Ok } from "@app/types";

export type ToolApproval = "always" | "never" | "ask";

export async function setToolApproval(
  auth: Authenticator,
  { viewId, toolName, approval }: { viewId: string; toolName: string; approval: ToolApproval }
): Promise<Result<void, Error>> {
  const view = await MCPServerViewResource.fetchById(auth, viewId);
  if (!view) {
    return new Err(new Error("Tool not found."));
  }

  return executeWithLock(`tool_approval_${view.sId}`, async () => {
    const previous = view.getToolApproval(toolName);
    const r = await view.setToolApproval(auth, toolName, approval);
    if (r.isErr()) {
      return r;
    }

    void emitAuditLogEvent({
      auth,
      action: "tool.approval_updated",
      targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("tool", { sId: view.sId, name: toolName })],
      metadata: { previous_approval: previous, new_approval: approval },
    });

    return new Ok(undefined);
  });
}
