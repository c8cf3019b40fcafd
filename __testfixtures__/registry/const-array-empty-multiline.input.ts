export const AUDIT_ACTIONS = [
  // Add new actions with `auditmod add-event`.
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
