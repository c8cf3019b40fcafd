import type { Authenticator } from '@app/lib/auth';

// No audited actions yet: `auditmod add-event` fills this in.
export type AuditAction = never;

export async function emitAuditLogEvent(_params: { auth: Authenticator; action: AuditAction }): Promise<void> {}
