import type { NextApiRequest, NextApiResponse } from "next";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { SubscriptionResource } from "@app/lib/resources/subscription_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  switch (req.method) {
    case "POST": {
      const subscription = await SubscriptionResource.fetchActiveByWorkspace(auth.getNonNullableWorkspace());
      if (!subscription) {
        return apiError(req, res, {
          status_code: 404,
          api_error: { type: "subscription_not_found", message: "No active subscription." },
        });
      }
      const cancelRes = await subscription.cancel(auth, { atPeriodEnd: req.body.atPeriodEnd === true });
      switch (cancelRes.status) {
        case "already_canceled":
          return apiError(req, res, {
            status_code: 409,
            api_error: { type: "invalid_request_error", message: "The subscription is already canceled." },
          });
        case "scheduled":
        case "canceled":
          break;
      }
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
