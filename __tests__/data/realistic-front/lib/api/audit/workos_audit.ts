import type { NextApiRequest } from "next";

import type { Authenticator } from "@app/lib/auth";
import logger from "@app/lib/logger";
import { getWorkOS } from "@app/lib/api/workos/client";
import type { LightWorkspaceType } from "@app/types/workspace";

/**
 * Every action front reports to the WorkOS audit log. Each one has a schema in
 * admin/audit_log_schemas/<action>.json, registered with WorkOS after merge:
 *   npx tsx admin/register_audit_log_schemas.ts --execute --changed
 */
export type AuditAction =
  // ---- workspace ----
  | "workspace.sso_enforcement_updated"
  | "workspace.data_retention_updated"
  | "workspace.scrubbed"
  // ---- domains ----
  | "domain.added"
  | "domain.removed"
  // ---- members ----
  | "membership.role_updated"
  | "membership.revoked"
  | "invitation.sent"
  | "invitation.revoked"
  // ---- users ----
  | "user.login"
  | "user.logout"
  | "user.login_failed"
  // ---- spaces ----
  | "space.created"
  | "space.updated"
  | "space.deleted"
  | "space.member_added"
  | "space.member_removed"
  | "space.visibility_updated"
  // ---- groups ----
  | "group.created"
  | "group.member_added"
  | "group.member_removed"
  | "group.provisioned"
  // ---- api keys ----
  | "api_key.created"
  | "api_key.revoked"
  | "api_key.rotated"
  // ---- agents ----
  | "agent.archived"
  | "agent.editors_updated"
  | "agent.owner_backfilled"
  // ---- data sources ----
  | "data_source.deleted"
  | "data_source.retention_purged"
  // ---- triggers ----
  | "trigger.created"
  | "trigger.updated"
  | "trigger.disabled"
  // ---- tools ----
  | "tool.approval_updated"
  | "mcp_server.installed"
  | "mcp_server.removed"
  // ---- webhooks ----
  | "webhook_source.created";

/** What a target may be: WorkOS rejects events whose target types the schema does not list. */
export type AuditTargetType =
  | "workspace"
  | "space"
  | "group"
  | "user"
  | "membership"
  | "invitation"
  | "domain"
  | "api_key"
  | "agent"
  | "data_source"
  | "trigger"
  | "tool"
  | "mcp_server"
  | "webhook_source";

export interface AuditLogTarget {
  type: AuditTargetType;
  id: string;
  name?: string;
}

export interface AuditLogActor {
  type: "user" | "api_key" | "system";
  id: string;
  name?: string;
}

export interface AuditLogContext {
  // Client IP for request-driven events, "internal" otherwise.
  location: string;
  userAgent?: string;
}

// WorkOS takes string | number | boolean; the schemas declare "string", so call sites pass String(x).
export type AuditLogMetadata = Record<string, string | number | boolean>;

interface AuditLogEventBase {
  action: AuditAction;
  targets: AuditLogTarget[];
  context?: AuditLogContext;
  metadata?: AuditLogMetadata;
}

export interface AuditLogEventParams extends AuditLogEventBase {
  auth: Authenticator;
}

export interface DirectAuditLogEventParams extends AuditLogEventBase {
  workspace: LightWorkspaceType;
  actor: AuditLogActor;
}

const INTERNAL_CONTEXT: AuditLogContext = { location: "internal" };

function serializeMetadata(metadata: AuditLogMetadata): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, String(value)]));
}

async function sendEvent(
  workspace: LightWorkspaceType,
  actor: AuditLogActor,
  { action, targets, context, metadata }: AuditLogEventBase
): Promise<void> {
  if (!workspace.workOSOrganizationId) {
    return;
  }
  try {
    await getWorkOS().auditLogs.createEvent(workspace.workOSOrganizationId, {
      action,
      occurredAt: new Date(),
      actor,
      targets,
      context: context ?? INTERNAL_CONTEXT,
      // Every event says who acted, so the schemas all declare actor_type.
      metadata: serializeMetadata({ ...metadata, actor_type: actor.type }),
    });
  } catch (err) {
    // Audit logging must never fail the request that triggered it.
    logger.error({ err, workspaceId: workspace.sId, action }, "Failed to send audit log event");
  }
}

export function buildAuditActor(auth: Authenticator): AuditLogActor {
  const user = auth.user();
  if (user) {
    return { type: "user", id: user.sId, name: user.fullName() };
  }
  const key = auth.key();
  return key ? { type: "api_key", id: key.sId, name: key.name } : { type: "system", id: "front", name: "Front" };
}

/** On behalf of the authenticated user or API key. Fire and forget: `void emitAuditLogEvent(...)`. */
export function emitAuditLogEvent({ auth, ...event }: AuditLogEventParams): Promise<void> {
  return sendEvent(auth.getNonNullableWorkspace(), buildAuditActor(auth), event);
}

/** System paths without an Authenticator (Temporal activities, webhooks, login/logout). */
export function emitAuditLogEventDirect({ workspace, actor, ...event }: DirectAuditLogEventParams): Promise<void> {
  return sendEvent(workspace, actor, event);
}

export function getAuditLogContext(auth: Authenticator, req?: NextApiRequest): AuditLogContext {
  if (!req) {
    return INTERNAL_CONTEXT;
  }
  const forwarded = req.headers["x-forwarded-for"];
  const location = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() ?? req.socket.remoteAddress;
  return { location: location ?? `workspace:${auth.getNonNullableWorkspace().sId}`, userAgent: req.headers["user-agent"] };
}

export function buildWorkspaceTarget(workspace: { sId: string; name: string }): AuditLogTarget {
  return { type: "workspace", id: workspace.sId, name: workspace.name };
}

export function buildAuditLogTarget(type: AuditTargetType, resource: { sId: string; name: string }): AuditLogTarget {
  return { type, id: resource.sId, name: resource.name };
}
