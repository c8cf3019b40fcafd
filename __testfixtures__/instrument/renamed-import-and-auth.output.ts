import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildWorkspaceTarget,
  emitAuditLogEvent as emitAudit,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { Authenticator } from "@app/lib/auth";
import { TriggerResource } from "@app/lib/resources/trigger_resource";

export async function handler(request: NextApiRequest, response: NextApiResponse, session: { userId: string; workspaceId: string }) {
  const authenticator = await Authenticator.fromUserIdAndWorkspaceId(session.userId, session.workspaceId);
  const trigger = await TriggerResource.fetchById(authenticator, request.query.tId as string);
  if (!trigger) {
    return response.status(404).end();
  }

  const r = await trigger.delete(authenticator);
  if (r.isErr()) {
    return response.status(500).json({ error: r.error.message });
  }

  void emitAudit({
    auth: authenticator,
    action: "trigger.deleted",
    targets: [
      buildWorkspaceTarget(authenticator.getNonNullableWorkspace()),
      { type: "trigger", id: trigger.sId, name: trigger.name },
    ],
    context: getAuditLogContext(authenticator, request),
    metadata: {
      trigger_kind: String(trigger.kind),
    },
  });

  return response.status(204).end();
}
