export const AUDIT_ACTIONS = [
    "user.login",
    "user.logout",
    "space.created" // the only space event so far
] as const;
export type AuditAction = typeof AUDIT_ACTIONS[number];
