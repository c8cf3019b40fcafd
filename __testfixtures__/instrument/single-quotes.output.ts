import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from '@app/lib/api/audit/workos_audit';
import type { Authenticator } from '@app/lib/auth';
import type { ToolResource } from '@app/lib/resources/tool_resource';

export async function disableTool(auth: Authenticator, tool: ToolResource) {
  const r = await tool.disable(auth);
  if (r.isErr()) {
    throw new Error(`Could not disable tool ${tool.sId}: ${r.error.message}`);
  }

  void emitAuditLogEvent({
    auth,
    action: 'tool.disabled',
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: 'tool', id: tool.sId, name: tool.name },
    ],
    context: getAuditLogContext(auth),
    metadata: {
      tool_kind: String(tool.kind),
      reason: 'manual',
    },
  });
}
