import type { WorkspaceType } from "@app/types/workspace";

export type AuditAction =
  | "workspace.domain_updated"
  | "group.member_added"
  | "group.member_removed"
  | "trigger.disabled";

export type AuditLogWorkspace = Pick<WorkspaceType, "sId" | "name">;
