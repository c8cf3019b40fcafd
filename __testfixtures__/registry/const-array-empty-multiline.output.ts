export const AUDIT_ACTIONS = [
  // Add new actions with `auditmod add-event`.
  "membership.revoked",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
