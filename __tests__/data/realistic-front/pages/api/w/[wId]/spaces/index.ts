import type { NextApiRequest, NextApiResponse } from "next";
import { z } from "zod";

import {
  buildAuditLogTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import type { SpaceType, WithAPIErrorResponse } from "@app/types";

const PostSpaceBodySchema = z.object({
  name: z.string().min(1).max(64),
  isRestricted: z.boolean(),
  memberIds: z.array(z.string()).default([]),
});

export type GetSpacesResponseBody = { spaces: SpaceType[] };
export type PostSpacesResponseBody = { space: SpaceType };

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<GetSpacesResponseBody | PostSpacesResponseBody>>,
  auth: Authenticator
): Promise<void> {
  switch (req.method) {
    case "GET": {
      const spaces = await SpaceResource.listWorkspaceSpaces(auth);
      return res.status(200).json({ spaces: spaces.map((s) => s.toJSON()) });
    }

    case "POST": {
      if (!auth.isAdmin()) {
        return apiError(req, res, {
          status_code: 403,
          api_error: { type: "workspace_auth_error", message: "Only admins can create spaces." },
        });
      }
      const bodyValidation = PostSpaceBodySchema.safeParse(req.body);
      if (!bodyValidation.success) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: bodyValidation.error.message },
        });
      }
      const { name, isRestricted, memberIds } = bodyValidation.data;

      const spaceRes = await SpaceResource.createRegularSpaceAndGroup(auth, { name, isRestricted, memberIds });
      if (spaceRes.isErr()) {
        switch (spaceRes.error.code) {
          case "limit_reached":
            return apiError(req, res, {
              status_code: 403,
              api_error: { type: "plan_limit_error", message: "Your plan does not allow more spaces." },
            });
          case "space_already_exists":
            return apiError(req, res, {
              status_code: 400,
              api_error: { type: "space_already_exists", message: "A space with this name already exists." },
            });
          default:
            return apiError(req, res, {
              status_code: 500,
              api_error: { type: "internal_server_error", message: spaceRes.error.message },
            });
        }
      }
      const space = spaceRes.value;

      void emitAuditLogEvent({
        auth,
        action: "space.created",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("space", space)],
        context: getAuditLogContext(auth, req),
        metadata: {
          space_name: space.name,
          is_restricted: String(isRestricted),
          member_count: String(memberIds.length),
        },
      });

      return res.status(201).json({ space: space.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, GET or POST is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
