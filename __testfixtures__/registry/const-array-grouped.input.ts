import type { NextApiRequest } from "next";

export const AUDIT_ACTIONS = [
  // ---- workspace ----
  "workspace.domain_updated",
  // ---- spaces ----
  "space.created",
  "space.updated", // renamed from space.edited in 2024
  // ---- triggers ----
  "trigger.updated",
  "trigger.disabled",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

export function requestAction(req: NextApiRequest): string | undefined {
  return req.headers["x-audit-action"] as string | undefined;
}
