import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { AuditLogEventParams } from "@app/lib/api/audit/workos_audit";
import { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";

export async function handleSpaceWebhook(req: NextApiRequest, res: NextApiResponse, space: SpaceResource) {
  void emitAuditLogEvent({
    auth: await Authenticator.fromUserIdAndWorkspaceId(req.body.userId, req.body.workspaceId),
    action: "space.updated",
    targets: [{ type: "space", id: space.sId, name: space.name }],
  });

  const auth = await Authenticator.fromUserIdAndWorkspaceId(req.body.userId, req.body.workspaceId);
  void emitAuditLogEvent({
    auth,
    action: "space.updated",
    targets: [{ type: "space", id: space.sId, name: space.name }],
    context: { location: "webhook" },
  });

  const base = { auth, targets: [{ type: "space", id: space.sId, name: space.name }] };
  void emitAuditLogEvent({ ...base, action: "space.updated" });

  const event: AuditLogEventParams = { auth, action: "space.updated", targets: [] };
  void emitAuditLogEvent(event);

  return res.status(200).end();
}
