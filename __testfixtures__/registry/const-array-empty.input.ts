import logger from "@app/lib/logger";

// Filled in by `auditmod add-event`.
export const AUDIT_ACTIONS = [] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

logger.debug({ count: AUDIT_ACTIONS.length }, "audit actions loaded");
