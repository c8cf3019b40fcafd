import type { NextApiRequest } from "next";

import type { Authenticator } from "@app/lib/auth";
import logger from "@app/lib/logger";
import type { WorkspaceType } from "@app/types/workspace";

/**
 * Every action front reports to the WorkOS audit log.
 *
 * Adding an action takes three things: an entry here, a schema in
 * admin/audit_log_schemas/<action>.json, and the emit at the mutation site.
 * New schemas must be registered with WorkOS after merge and before deploy:
 *   npx tsx admin/register_audit_log_schemas.ts --execute --changed
 */
export type AuditAction =
  // ---- workspace ----
  | "workspace.domain_updated"
  // ---- spaces ----
  | "space.created"
  | "space.updated"
  // ---- groups ----
  | "group.member_added"
  | "group.member_removed"
  // ---- api keys ----
  | "api_key.created"
  // ---- triggers ----
  | "trigger.updated"
  | "trigger.disabled"
  // ---- credentials ----
  // Named before the <resource>.<verb> rule: events exist under this name, so it stays.
  | "credentials.created";

export type AuditLogTarget = {
  type: string;
  id: string;
  name?: string;
};

export type AuditLogActor = {
  type: string;
  id: string;
  name?: string;
};

export type AuditLogContext = {
  // Client IP for request-driven events, "internal" otherwise.
  location: string;
  userAgent?: string;
};

// WorkOS accepts string | number | boolean values, but our schemas declare
// every key as "string": pass String(x) at the call site.
export type AuditLogMetadata = Record<string, string | number | boolean>;

export type AuditLogWorkspace = Pick<WorkspaceType, "sId" | "name">;

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
  workspace: AuditLogWorkspace;
  actor: AuditLogActor;
}

interface WorkOSAuditLogEvent {
  action: string;
  occurredAt: Date;
  actor: AuditLogActor;
  targets: AuditLogTarget[];
  context: AuditLogContext;
  metadata?: AuditLogMetadata;
}

// Stand-in for `new WorkOS(apiKey).auditLogs`.
const auditLogs = {
  async createEvent(
    organizationId: string,
    event: WorkOSAuditLogEvent
  ): Promise<void> {
    logger.debug(
      { organizationId, action: event.action, targets: event.targets.length },
      "[workos] audit log event"
    );
  },
};

const SYSTEM_ACTOR: AuditLogActor = {
  type: "system",
  id: "front",
  name: "Front",
};

const INTERNAL_CONTEXT: AuditLogContext = { location: "internal" };

async function sendEvent(
  workspace: AuditLogWorkspace,
  event: WorkOSAuditLogEvent
): Promise<void> {
  try {
    await auditLogs.createEvent(workspace.sId, event);
  } catch (err) {
    // Audit logging must never break the request that triggered it.
    logger.error(
      { err, workspaceId: workspace.sId, action: event.action },
      "Failed to send audit log event"
    );
  }
}

/**
 * The shape emits had before `auth` was passed: the caller named the workspace
 * and built the actor. Still accepted while call sites migrate
 * (examples/front/legacy-migration.yaml).
 * @deprecated pass `auth` instead of `workspace` and `actor`.
 */
export interface LegacyAuditLogEventParams extends AuditLogEventBase {
  workspace: AuditLogWorkspace;
  actor: AuditLogActor;
}

/** @deprecated the actor is derived from `auth`: pass `auth` to emitAuditLogEvent. */
export function buildAuditActor(auth: Authenticator): AuditLogActor {
  const user = auth.user();
  return user ? { type: "user", id: user.sId, name: user.fullName } : SYSTEM_ACTOR;
}

/**
 * Emits an audit log event on behalf of the authenticated user (or API key).
 * Fire and forget: call it as `void emitAuditLogEvent(...)`.
 */
export function emitAuditLogEvent(
  params: AuditLogEventParams | LegacyAuditLogEventParams
): Promise<void> {
  if (!("auth" in params)) {
    const { workspace, ...event } = params;
    return sendEvent(workspace, {
      ...event,
      occurredAt: new Date(),
      context: event.context ?? INTERNAL_CONTEXT,
    });
  }
  const { auth, action, targets, context, metadata } = params;
  const workspace = auth.workspace();
  if (!workspace) {
    logger.warn({ action }, "Audit log event without a workspace, dropped");
    return Promise.resolve();
  }

  return sendEvent(workspace, {
    action,
    occurredAt: new Date(),
    actor: buildAuditActor(auth),
    targets,
    context: context ?? INTERNAL_CONTEXT,
    metadata,
  });
}

/**
 * For system paths without an Authenticator (Temporal activities, webhooks,
 * login/logout): the caller names the workspace and the actor.
 */
export function emitAuditLogEventDirect({
  workspace,
  action,
  actor,
  targets,
  context,
  metadata,
}: DirectAuditLogEventParams): Promise<void> {
  return sendEvent(workspace, {
    action,
    occurredAt: new Date(),
    actor,
    targets,
    context: context ?? INTERNAL_CONTEXT,
    metadata,
  });
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function getAuditLogContext(
  auth: Authenticator,
  req?: NextApiRequest
): AuditLogContext {
  if (!req) {
    return INTERNAL_CONTEXT;
  }
  const forwardedFor = firstHeader(req.headers["x-forwarded-for"]);
  const location =
    forwardedFor?.split(",")[0]?.trim() ||
    req.socket?.remoteAddress ||
    // No client address at all: still attribute the event to the workspace.
    `workspace:${auth.workspace()?.sId ?? "unknown"}`;

  return {
    location,
    userAgent: firstHeader(req.headers["user-agent"]),
  };
}

export function buildWorkspaceTarget(workspace: {
  sId: string;
  name: string;
}): AuditLogTarget {
  return { type: "workspace", id: workspace.sId, name: workspace.name };
}

export function buildAuditLogTarget(
  type: string,
  resource: { sId: string; name: string }
): AuditLogTarget {
  return { type, id: resource.sId, name: resource.name };
}
