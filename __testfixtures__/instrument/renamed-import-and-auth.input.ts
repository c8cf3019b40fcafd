import type { NextApiRequest, NextApiResponse } from "next";

import {
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

  return response.status(204).end();
}
