// Saved on Windows: CRLF line endings.
import { emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import type { LightWorkspaceType } from "@app/types/workspace";

export async function onLoginFailed(workspace: LightWorkspaceType, email: string, attempts: number) {
  void emitAuditLogEventDirect({
    workspace,
    actor: { type: "user", id: email, name: email },
    action: "user.login_failed",
    targets: [{ type: "workspace", id: workspace.sId, name: workspace.name }],
    context: { location: "internal" },
    metadata: {
      email,
      attempts,
      locked: attempts >= 5,
    },
  });
}
