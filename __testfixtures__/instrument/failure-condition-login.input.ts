import type { NextApiRequest, NextApiResponse } from "next";

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
    return apiError(req, res, { status_code: 401, api_error: { type: "not_authenticated", message: "Invalid credentials." } });
  }
  return res.status(200).json({ ok: true });
}
