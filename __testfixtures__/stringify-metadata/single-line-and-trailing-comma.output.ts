import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { KeyResource } from "@app/lib/resources/api_key_resource";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const key = await KeyResource.makeNew(auth, { name: String(req.body.name), monthlyCap: req.body.monthlyCap });
  void emitAuditLogEvent({ auth, action: "api_key.created", targets: [{ type: "api_key", id: key.sId, name: key.name }], metadata: { monthly_cap: key.monthlyCap, is_system: key.isSystem } });
  void emitAuditLogEvent({
    auth,
    action: "api_key.viewed",
    targets: [{ type: "api_key", id: key.sId, name: key.name }],
    context: getAuditLogContext(auth, req),
    metadata: {
      secret_length: String(key.secret.length)
    }
  });
  void emitAuditLogEvent({
    auth,
    action: "api_key.viewed",
    targets: [{ type: "api_key", id: key.sId, name: key.name }],
    context: getAuditLogContext(auth, req),
    metadata: { secret_length: String(key.secret.length), },
  });
  return res.status(201).json({ key: key.toJSON() });
}

export default withSessionAuthenticationForWorkspace(handler);
