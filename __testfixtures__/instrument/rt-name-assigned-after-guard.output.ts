import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { SubscriptionResource } from "@app/lib/resources/subscription_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  if (!auth.isAdmin()) {
    return apiError(req, res, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only admins can change the plan." },
    });
  }

  switch (req.method) {
    case "POST": {
      const subscription = await SubscriptionResource.fetchActiveByWorkspace(auth);
      if (!subscription) {
        return apiError(req, res, {
          status_code: 404,
          api_error: { type: "subscription_not_found", message: "No active subscription." },
        });
      }

      let previousPlanCode = "free";
      const upgradeRes = await subscription.changePlan(auth, { planCode: req.body.planCode });
      if (upgradeRes.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: upgradeRes.error.message },
        });
      }
      previousPlanCode = upgradeRes.value.previousPlanCode;

      void emitAuditLogEvent({
        auth,
        action: "subscription.plan_changed",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "subscription", id: subscription.sId, name: subscription.name },
        ],
        context: getAuditLogContext(auth, req),
        metadata: {
          previous_plan_code: previousPlanCode,
        },
      });

      return res.status(200).json({ subscription: subscription.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, POST is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
