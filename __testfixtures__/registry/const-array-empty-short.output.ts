export const AUDIT_ACTIONS = ["user.invited"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
