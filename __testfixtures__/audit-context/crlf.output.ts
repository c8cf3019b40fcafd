import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { TriggerResource } from "@app/lib/resources/trigger_resource";

// Saved on a Windows machine: CRLF line endings throughout.
async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const trigger = await TriggerResource.fetchById(auth, req.query.tId as string);
  if (!trigger) {
    return res.status(404).end();
  }

  await trigger.disable();
  void emitAuditLogEvent({
    auth,
    action: "trigger.disabled",
    targets: [{ type: "trigger", id: trigger.sId, name: trigger.name }],
    context: getAuditLogContext(auth, req),
  });
  void emitAuditLogEvent({
    auth,
    action: "trigger.viewed",
    targets: [{ type: "trigger", id: trigger.sId, name: trigger.name }],
    context: getAuditLogContext(auth, req),
  });

  return res.status(200).json({ trigger: trigger.toJSON() });
}

export default withSessionAuthenticationForWorkspace(handler);
