import type { Authenticator } from "@app/lib/auth";

export type AuditAction = "space.updated" | "space.deleted" | "group.member_removed";

export type AuditLogTarget = { type: string; id: string; name?: string };

export function buildAuditLogTarget(type: string, resource: { sId: string; name?: string }): AuditLogTarget {
  return { type, id: resource.sId, name: resource.name };
}

export async function emitAuditLogEvent(_event: {
  auth: Authenticator;
  action: AuditAction;
  targets: AuditLogTarget[];
  metadata?: Record<string, string>;
}): Promise<void> {}
