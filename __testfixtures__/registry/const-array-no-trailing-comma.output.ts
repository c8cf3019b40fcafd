export const AUDIT_ACTIONS = [
    "user.login",
    "user.logout",
    "user.login_failed",
    "space.created", // the only space event so far
    "space.deleted"
] as const;
export type AuditAction = typeof AUDIT_ACTIONS[number];
