import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import { verifyWorkOSSignature } from "@app/lib/workos";

// WorkOS directory-sync webhook: no user session, so the emit is direct and its context internal.
export default async function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  if (!verifyWorkOSSignature(req)) {
    return res.status(401).end();
  }

  const workspace = await WorkspaceResource.fetchByWorkOSOrganizationId(req.body.data.organization_id);
  if (!workspace) {
    return res.status(200).end();
  }

  await workspace.syncDirectoryGroups(req.body.data);
  void emitAuditLogEventDirect({
    workspace, actor: { type: "system", id: "workos", name: "Directory Sync" },
    action: "group.synced", targets: [{ type: "workspace", id: workspace.sId, name: workspace.name }],
  });

  return res.status(200).end();
}
