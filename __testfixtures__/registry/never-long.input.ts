export type AuditAction = never;
