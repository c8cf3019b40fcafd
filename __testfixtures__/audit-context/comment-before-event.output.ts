import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";

export async function saveSsoSettings(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const owner = auth.getNonNullableWorkspace();
  const changed = await WorkspaceResource.updateSsoSettings(owner.id, req.body);

  void emitAuditLogEvent(
    // Logged even when nothing changed, so admins see every attempt.
    {
      auth,
      action: "workspace.sso_updated",
      targets: [{ type: "workspace", id: owner.sId, name: owner.name }],
      context: getAuditLogContext(auth, req),
      metadata: { changed: String(changed) },
    } /* schema: admin/audit_log_schemas/workspace.sso_updated.json */
  );

  return res.status(200).json({ changed });
}
