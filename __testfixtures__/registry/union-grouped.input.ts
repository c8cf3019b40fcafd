import type { Authenticator } from "@app/lib/auth";

/**
 * Every action front reports to the WorkOS audit log.
 * Schemas live in admin/audit_log_schemas/<action>.json.
 */
export type AuditAction =
  // ---- users ----
  | "user.login"
  | "user.logout" // session end, also sent by the idle timeout
  // ---- spaces ----
  | "space.created"
  | "space.updated"
  // ---- api keys ----
  | "api_key.created";

export type AuditLogTarget = {
  type: string;
  id: string;
  name?: string;
};

export function isAuditAction(value: string): value is AuditAction {
  return value.includes(".");
}

export function describe(auth: Authenticator, action: AuditAction): string {
  return `${auth.workspace()?.sId ?? "none"}:${action}`;
}
