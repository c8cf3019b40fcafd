import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { WithAPIErrorResponse } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import type { SpaceType } from "@app/lib/resources/space_resource";

export type GetSpacesResponseBody = {
  spaces: SpaceType[];
};

export type PostSpacesResponseBody = {
  space: SpaceType;
};

const MAX_SPACE_NAME_LENGTH = 64;

function parseCreateSpaceBody(
  body: unknown
): { name: string; isRestricted: boolean } | null {
  if (typeof body !== "object" || body === null) {
    return null;
  }
  const { name, isRestricted } = body as Record<string, unknown>;
  if (typeof name !== "string" || !name.trim() || name.length > MAX_SPACE_NAME_LENGTH) {
    return null;
  }
  return { name: name.trim(), isRestricted: isRestricted === true };
}

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<
    WithAPIErrorResponse<GetSpacesResponseBody | PostSpacesResponseBody>
  >,
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
          api_error: {
            type: "workspace_auth_error",
            message: "Only users that are `admins` can create spaces.",
          },
        });
      }

      const body = parseCreateSpaceBody(req.body);
      if (!body) {
        return apiError(req, res, {
          status_code: 400,
          api_error: {
            type: "invalid_request_error",
            message: `Invalid request body: a name of at most ${MAX_SPACE_NAME_LENGTH} characters is required.`,
          },
        });
      }

      const existing = await SpaceResource.fetchByName(auth, body.name);
      if (existing) {
        return apiError(req, res, {
          status_code: 400,
          api_error: {
            type: "invalid_request_error",
            message: "A space with that name already exists.",
          },
        });
      }

      const owner = auth.getNonNullableWorkspace();
      const space = await SpaceResource.makeNew({
        workspaceId: owner.id,
        name: body.name,
        kind: "regular",
        isRestricted: body.isRestricted,
      });

      await emitAuditLogEvent({
        auth,
        action: "space.created",
        targets: [
          buildWorkspaceTarget(owner),
          { type: "space", id: space.sId, name: space.name },
        ],
        context: getAuditLogContext(auth, req),
        metadata: {
          space_kind: String(space.kind),
          is_restricted: space.isRestricted,
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
