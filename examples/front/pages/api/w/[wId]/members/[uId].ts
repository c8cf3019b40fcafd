import type { NextApiRequest, NextApiResponse } from "next";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { WithAPIErrorResponse } from "@app/lib/api/errors";
import { updateMemberRole } from "@app/lib/api/members";
import type { Authenticator } from "@app/lib/auth";
import { isMembershipRole } from "@app/lib/resources/membership_resource";
import type { MembershipRole } from "@app/lib/resources/membership_resource";

export type PatchMemberResponseBody = {
  member: { sId: string; role: MembershipRole };
};

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<PatchMemberResponseBody>>,
  auth: Authenticator
): Promise<void> {
  const { uId } = req.query;
  if (typeof uId !== "string") {
    return apiError(req, res, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Invalid user id." },
    });
  }

  switch (req.method) {
    case "PATCH": {
      if (!auth.isAdmin()) {
        return apiError(req, res, {
          status_code: 403,
          api_error: {
            type: "workspace_auth_error",
            message: "Only users that are `admins` can change member roles.",
          },
        });
      }

      const role: unknown = req.body?.role;
      if (!isMembershipRole(role)) {
        return apiError(req, res, {
          status_code: 400,
          api_error: {
            type: "invalid_request_error",
            message: "`role` must be one of admin, builder, user.",
          },
        });
      }

      const result = await updateMemberRole(auth, { userId: uId, role });
      if (result.isErr()) {
        return apiError(req, res, {
          status_code: result.error.code === "not_a_member" ? 404 : 400,
          api_error: {
            type: result.error.code === "not_a_member" ? "user_not_found" : "invalid_request_error",
            message: result.error.message,
          },
        });
      }

      return res.status(200).json({ member: { sId: uId, role } });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: {
          type: "method_not_supported_error",
          message: "The method passed is not supported, PATCH is expected.",
        },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
