export const AUDIT_ACTIONS = [] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
