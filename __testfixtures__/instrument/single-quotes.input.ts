import { emitAuditLogEvent, getAuditLogContext } from '@app/lib/api/audit/workos_audit';
import type { Authenticator } from '@app/lib/auth';
import type { ToolResource } from '@app/lib/resources/tool_resource';

export async function disableTool(auth: Authenticator, tool: ToolResource) {
  const r = await tool.disable(auth);
  if (r.isErr()) {
    throw new Error(`Could not disable tool ${tool.sId}: ${r.error.message}`);
  }
}
