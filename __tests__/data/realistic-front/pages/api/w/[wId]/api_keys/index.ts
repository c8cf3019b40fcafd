import type { NextApiRequest, NextApiResponse } from "next";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import { KeyResource } from "@app/lib/resources/key_resource";
import type { KeyType, WithAPIErrorResponse } from "@app/types";

const MAX_KEY_NAME_LENGTH = 100;

async function handler(req: NextApiRequest, res: NextApiResponse<WithAPIErrorResponse<{ keys: KeyType[] } | { key: KeyType }>>, auth: Authenticator): Promise<void> {
  if (!auth.isBuilder()) {
    return apiError(req, res, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only builders can manage API keys." },
    });
  }

  switch (req.method) {
    case "GET": {
      const keys = await KeyResource.listNonSystemKeysByWorkspace(auth.getNonNullableWorkspace());
      return res.status(200).json({ keys: keys.map((k) => k.toJSON()) });
    }
    case "POST": {
      const name: string = req.body.name;
      if (!name || name.length > MAX_KEY_NAME_LENGTH) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: `A key name of at most ${MAX_KEY_NAME_LENGTH} characters is required.` },
        });
      }
      const group = req.body.groupId
        ? await GroupResource.fetchById(auth, req.body.groupId)
        : await GroupResource.fetchWorkspaceGlobalGroup(auth);
      if (group.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "group_not_found", message: "Invalid group." },
        });
      }
      const key = await KeyResource.makeNew({ name, status: "active", userId: auth.getNonNullableUser().id, workspaceId: auth.getNonNullableWorkspace().id, isSystem: false }, group.value);

      void emitAuditLogEvent({
        auth,
        action: "api_key.created",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("api_key", key)],
        context: getAuditLogContext(auth, req),
        metadata: { key_name: name, group_name: group.value.name },
      });

      return res.status(201).json({ key: key.toJSON() });
    }
    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "GET or POST is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
