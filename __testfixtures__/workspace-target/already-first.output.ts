import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildAuditLogTarget,
  buildWorkspaceTarget,
  emitAuditLogEvent,
  emitAuditLogEventDirect,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { KeyResource } from "@app/lib/resources/api_key_resource";
import type { LightWorkspaceType } from "@app/types/workspace";

export async function createKey(req: NextApiRequest, res: NextApiResponse, auth: Authenticator, key: KeyResource) {
  void emitAuditLogEvent({
    auth,
    action: "api_key.created",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "api_key", id: key.sId, name: key.name },
    ],
    context: getAuditLogContext(auth, req),
  });
  return res.status(201).json({ key: key.toJSON() });
}

export async function revokeKey(auth: Authenticator, key: KeyResource) {
  void emitAuditLogEvent({ auth, action: "api_key.revoked", targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("api_key", key)] });
}

export async function expireKeyActivity(workspace: LightWorkspaceType, key: KeyResource) {
  void emitAuditLogEventDirect({
    workspace,
    action: "api_key.expired",
    actor: { type: "system", id: "temporal", name: "Key expiry" },
    targets: [{ type: "workspace", id: workspace.sId, name: workspace.name }, { type: "api_key", id: key.sId, name: key.name }],
    context: { location: "internal" },
  });
}
