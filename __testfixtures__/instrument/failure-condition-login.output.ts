import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";

import { verifyPassword } from "@app/lib/api/credentials";
import { UserResource } from "@app/lib/resources/user_resource";
import type { LightWorkspaceType } from "@app/types";
import { apiError } from "@app/logger/withlogging";

export async function login(req: NextApiRequest, res: NextApiResponse, workspace: LightWorkspaceType): Promise<void> {
  const user = await UserResource.fetchByEmail(req.body.email);
  if (!user) {
    return apiError(req, res, { status_code: 401, api_error: { type: "not_authenticated", message: "Invalid credentials." } });
  }
  if (!(await verifyPassword(user, req.body.password))) {
    void emitAuditLogEventDirect({
      workspace,
      action: "user.login_failed",
      actor: { type: "system", id: "auth", name: "Login" },
      targets: [
        buildWorkspaceTarget(workspace),
        { type: "user", id: user.sId, name: user.name },
      ],
      context: { location: "internal" },
    });

    return apiError(req, res, { status_code: 401, api_error: { type: "not_authenticated", message: "Invalid credentials." } });
  }
  return res.status(200).json({ ok: true });
}
