export type AuditAction =
  // ---- spaces ----
  | "space.created"
  | "space.deleted"
  // ---- api keys ----
  | "api_key.created"
  | "api_key.revoked";

export async function emitAuditLogEvent(_event: unknown): Promise<void> {}
