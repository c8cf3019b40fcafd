// Webhook handler: WorkOS tells us a directory group changed.
import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEventDirect } from "@app/lib/api/audit";
import type { AuditLogActor } from "@app/lib/api/audit/workos_audit";
import { buildWorkspaceTarget } from "@app/lib/api/audit/workos_audit";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";

const DIRECTORY_SYNC: AuditLogActor = { type: "system", id: "workos", name: "Directory Sync" };

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const workspace = await WorkspaceResource.fetchByWorkOSOrganizationId(req.body.organization_id);
  if (!workspace) {
    return res.status(404).end();
  }
  await workspace.syncDirectoryGroup(req.body.data);
  void emitAuditLogEventDirect({
    workspace: workspace.toLight(),
    action: "group.synced",
    actor: DIRECTORY_SYNC,
    targets: [buildWorkspaceTarget(workspace.toLight()), { type: "group", id: req.body.data.id, name: req.body.data.name }],
    context: { location: "internal" },
  });
  return res.status(200).json({ ok: true });
}
