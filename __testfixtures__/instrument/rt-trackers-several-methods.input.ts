import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { TrackerConfigurationResource } from "@app/lib/resources/tracker_resource";
import { apiError } from "@app/logger/withlogging";
import { PatchTrackerBodySchema } from "@app/types/api/internal/trackers";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const { tId } = req.query;
  const tracker = typeof tId === "string" ? await TrackerConfigurationResource.fetchById(auth, tId) : null;
  if (!tracker) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "tracker_not_found", message: "The tracker was not found." },
    });
  }

  switch (req.method) {
    case "PATCH": {
      const parsed = PatchTrackerBodySchema.safeParse(req.body);
      if (!parsed.success) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: parsed.error.message },
        });
      }

      const updateRes = await tracker.updateConfig(auth, parsed.data);
      if (updateRes.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: updateRes.error.message },
        });
      }

      const updated = updateRes.value;
      const frequency = updated.frequency ?? "daily";

      return res.status(200).json({ tracker: updated.toJSON() });
    }

    case "DELETE": {
      const deleteRes = await tracker.delete(auth, { hardDelete: false });
      if (deleteRes.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: deleteRes.error.message },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "tracker.deleted",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "tracker", id: tracker.sId, name: tracker.name },
        ],
        context: getAuditLogContext(auth, req),
      });

      return res.status(204).end();
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, PATCH or DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
