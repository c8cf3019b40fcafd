import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildAuditActor,
  buildAuditLogTarget,
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { WithAPIErrorResponse } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { TriggerResource } from "@app/lib/resources/trigger_resource";
import type { TriggerType } from "@app/lib/resources/trigger_resource";

export type DisableTriggerResponseBody = {
  trigger: TriggerType;
};

// Written before emits took `auth`: the caller passes the workspace and builds
// the actor (see legacy-migration.yaml).
async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<DisableTriggerResponseBody>>,
  auth: Authenticator
): Promise<void> {
  const owner = auth.getNonNullableWorkspace();
  const { tId } = req.query;
  if (typeof tId !== "string") {
    return apiError(req, res, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Invalid trigger id." },
    });
  }

  const trigger = await TriggerResource.fetchById(auth, tId);
  if (!trigger) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "trigger_not_found", message: "The trigger was not found." },
    });
  }

  switch (req.method) {
    case "POST": {
      if (!auth.isBuilder()) {
        return apiError(req, res, {
          status_code: 403,
          api_error: {
            type: "workspace_auth_error",
            message: "Only builders can disable triggers.",
          },
        });
      }

      const disableRes = await trigger.disable(owner);
      if (disableRes.isErr()) {
        return apiError(req, res, {
          status_code: 500,
          api_error: { type: "internal_server_error", message: disableRes.error.message },
        });
      }

      void emitAuditLogEvent({
        workspace: owner,
        action: "trigger.disabled",
        actor: buildAuditActor(auth),
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          buildAuditLogTarget("trigger", trigger),
        ],
        // Where the user pressed "Disable" from, not the scheduler's host.
        context: getAuditLogContext(auth, req),
        metadata: {
          failure_count: String(trigger.consecutiveFailures),
        },
      });

      return res.status(200).json({ trigger: trigger.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: {
          type: "method_not_supported_error",
          message: "The method passed is not supported, POST is expected.",
        },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
