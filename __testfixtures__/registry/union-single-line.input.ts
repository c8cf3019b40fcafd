// The first two events, more to come.
export type AuditAction = "user.login" | "user.logout";

export const AUDIT_LOG_VERSION = 1;
