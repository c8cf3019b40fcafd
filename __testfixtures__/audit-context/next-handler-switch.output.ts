import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";

async function handler(
  req: NextApiRequest,
  res: NextApiResponse,
  auth: Authenticator
): Promise<void> {
  switch (req.method) {
    case "GET": {
      const spaces = await SpaceResource.listWorkspaceSpaces(auth);
      return res.status(200).json({ spaces: spaces.map((s) => s.toJSON()) });
    }

    case "POST": {
      const { name, isRestricted } = req.body ?? {};
      if (typeof name !== "string" || !name.trim()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: {
            type: "invalid_request_error",
            message: "The request body must contain a non-empty `name`.",
          },
        });
      }

      const createRes = await SpaceResource.makeNew(auth, {
        name: name.trim(),
        isRestricted: isRestricted === true,
      });
      if (createRes.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: {
            type: "invalid_request_error",
            message: createRes.error.message,
          },
        });
      }
      const space = createRes.value;

      void emitAuditLogEvent({
        auth,
        action: "space.created",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "space", id: space.sId, name: space.name },
        ],
        context: getAuditLogContext(auth, req),
        metadata: {
          is_restricted: String(space.isRestricted),
        },
      });

      return res.status(201).json({ space: space.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: {
          type: "method_not_supported_error",
          message: "The method passed is not supported, GET or POST is expected.",
        },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
