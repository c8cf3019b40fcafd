export type AuditAction =
  | "workspace.domain_updated"
  | "workspace.sso_enforced"
  | "space.created"
  | "api_key.created";
