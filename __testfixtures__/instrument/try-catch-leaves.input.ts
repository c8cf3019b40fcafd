import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { softDeleteSpaceAndLaunchScrubWorkflow } from "@app/lib/api/spaces";
import { SpaceResource } from "@app/lib/resources/space_resource";
import logger from "@app/logger/logger";
import { apiError } from "@app/logger/withlogging";

export async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space) {
    return apiError(req, res, { status_code: 404, api_error: { type: "space_not_found", message: "Space not found." } });
  }

  try {
    await softDeleteSpaceAndLaunchScrubWorkflow(auth, space);
  } catch (err) {
    logger.error({ err, spaceId: space.sId }, "Failed to delete space");
    return apiError(req, res, {
      status_code: 500,
      api_error: { type: "internal_server_error", message: "Failed to delete the space." },
    });
  }

  res.status(200).json({ success: true });
}
