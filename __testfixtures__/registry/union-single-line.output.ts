// The first two events, more to come.
export type AuditAction = "user.login" | "user.logout" | "user.login_failed" | "space.created";

export const AUDIT_LOG_VERSION = 1;
