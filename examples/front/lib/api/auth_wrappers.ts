import type { NextApiRequest, NextApiResponse } from "next";

import { apiError } from "@app/lib/api/errors";
import type { WithAPIErrorResponse } from "@app/lib/api/errors";
import { Authenticator, getSession } from "@app/lib/auth";

/**
 * Wraps a /api/w/[wId]/* handler: requires a session and a membership in the
 * workspace, then hands the handler an Authenticator.
 */
export function withSessionAuthenticationForWorkspace<T>(
  handler: (
    req: NextApiRequest,
    res: NextApiResponse<WithAPIErrorResponse<T>>,
    auth: Authenticator
  ) => Promise<void> | void,
  opts: { allowNonMembers?: boolean } = {}
) {
  return async (
    req: NextApiRequest,
    res: NextApiResponse<WithAPIErrorResponse<T>>
  ): Promise<void> => {
    const session = getSession(req);
    if (!session) {
      return apiError(req, res, {
        status_code: 401,
        api_error: {
          type: "not_authenticated",
          message: "The user does not have an active session or is not authenticated.",
        },
      });
    }

    const { wId } = req.query;
    if (typeof wId !== "string" || !wId) {
      return apiError(req, res, {
        status_code: 404,
        api_error: {
          type: "workspace_not_found",
          message: "The workspace was not found.",
        },
      });
    }

    const auth = await Authenticator.fromUserIdAndWorkspaceId(session.userId, wId);
    if (!auth.workspace() || (!auth.isUser() && !opts.allowNonMembers)) {
      return apiError(req, res, {
        status_code: 404,
        api_error: {
          type: "workspace_not_found",
          message: "The workspace was not found.",
        },
      });
    }

    return handler(req, res, auth);
  };
}
