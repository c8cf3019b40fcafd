import type { NextApiRequest } from "next";

import type { Authenticator } from "@app/lib/auth";
import { getWorkOS } from "@app/lib/api/workos/client";
import type { LightWorkspaceType } from "@app/types/workspace";

/** Every action this front end reports to the WorkOS audit log; each has admin/audit_log_schemas/<action>.json. */
export type AuditAction = "space.created" | "data_source.retention_purged";

export interface AuditTarget {
  type: string;
  id: string;
  name?: string;
}

export interface AuditActor {
  type: "user" | "api_key" | "system";
  id: string;
  name?: string;
}

export interface AuditContext {
  location: string;
  userAgent?: string;
}

interface AuditEventBase {
  action: AuditAction;
  targets: AuditTarget[];
  context?: AuditContext;
  metadata?: Record<string, string | number | boolean>;
}

export interface AuditEventParams extends AuditEventBase {
  auth: Authenticator;
}

export interface SystemAuditEventParams extends AuditEventBase {
  workspace: LightWorkspaceType;
  actor: AuditActor;
}

async function send(workspace: LightWorkspaceType, actor: AuditActor, event: AuditEventBase): Promise<void> {
  await getWorkOS().auditLogs.createEvent(workspace.workOSOrganizationId, {
    action: event.action,
    occurredAt: new Date(),
    actor,
    targets: event.targets,
    context: event.context ?? { location: "internal" },
    metadata: event.metadata,
  });
}

/** The user (or API key) behind `auth` did `action`. Fire and forget: `void emitAuditEvent(...)`. */
export function emitAuditEvent({ auth, ...event }: AuditEventParams): Promise<void> {
  const user = auth.user();
  const actor: AuditActor = user ? { type: "user", id: user.sId, name: user.fullName() } : { type: "system", id: "front" };
  return send(auth.getNonNullableWorkspace(), actor, event);
}

/** For code without an Authenticator (Temporal activities, webhooks): the caller names the workspace and the actor. */
export function emitAuditLogEventForSystem({ workspace, actor, ...event }: SystemAuditEventParams): Promise<void> {
  return send(workspace, actor, event);
}

export function buildWorkspaceTarget(workspace: LightWorkspaceType): AuditTarget {
  return { type: "workspace", id: workspace.sId, name: workspace.name };
}

export function getAuditLogContext(auth: Authenticator, req?: NextApiRequest): AuditContext {
  return { location: req?.headers["x-forwarded-for"]?.toString() ?? "internal", userAgent: req?.headers["user-agent"] };
}
