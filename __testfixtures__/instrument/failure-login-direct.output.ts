import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import { verifyPassword } from "@app/lib/api/login";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import { apiError } from "@app/logger/withlogging";

export default async function loginHandler(req: NextApiRequest, res: NextApiResponse) {
  const { email, password, workspaceId } = req.body as { email: string; password: string; workspaceId: string };
  const workspace = await WorkspaceResource.fetchById(workspaceId);
  if (!workspace) {
    return apiError(req, res, { status_code: 404, api_error: { type: "workspace_not_found", message: "Unknown workspace." } });
  }

  const user = await verifyPassword(workspace, { email, password });
  if (!user) {
    void emitAuditLogEventDirect({
      workspace,
      action: "user.login_failed",
      actor: { type: "system", id: "login", name: "Login" },
      targets: [
        buildWorkspaceTarget(workspace),
      ],
      context: { location: "internal" },
      metadata: {
        email: String(email),
      },
    });

    return res.status(401).json({ error: "invalid_credentials" });
  }

  return res.status(200).json({ userId: user.sId });
}
