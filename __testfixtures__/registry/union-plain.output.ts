import type { WorkspaceType } from "@app/types/workspace";

export type AuditAction =
  | "workspace.domain_updated"
  | "workspace.sso_enforced"
  | "group.member_added"
  | "group.member_removed"
  | "trigger.disabled"
  | "agent.created";

export type AuditLogWorkspace = Pick<WorkspaceType, "sId" | "name">;
