import { emitAuditLogEventDirect } from '@app/lib/api/audit/workos_audit';
import type { LightWorkspaceType } from '@app/types/workspace';

// This package is formatted with single quotes (auditmod.config.json: "quote": "single").
export async function onDomainVerificationFailed(workspace: LightWorkspaceType, domain: string) {
  void emitAuditLogEventDirect({
    workspace,
    actor: { type: 'system', id: 'workos', name: 'Domain verification' },
    action: 'domain.verification_failed',
    targets: [{ type: 'workspace', id: workspace.sId, name: workspace.name }],
    metadata: { domain },
  });
}
