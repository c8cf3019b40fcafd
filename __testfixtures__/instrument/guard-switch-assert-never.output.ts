import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { KeyResource } from "@app/lib/resources/key_resource";
import { apiError } from "@app/logger/withlogging";
import { assertNever } from "@app/types/shared/utils/assert_never";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const key = await KeyResource.fetchById(auth, req.query.keyId as string);
  if (!key) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "key_not_found", message: "Key not found." },
    });
  }

  switch (req.method) {
    case "DELETE": {
      const revokeRes = await key.revoke(auth);
      if (revokeRes.isErr()) {
        switch (revokeRes.error.code) {
          case "already_revoked":
            return apiError(req, res, {
              status_code: 409,
              api_error: { type: "invalid_request_error", message: "The key is already revoked." },
            });
          case "unauthorized":
            return apiError(req, res, {
              status_code: 403,
              api_error: { type: "workspace_auth_error", message: "Only admins can revoke keys." },
            });
          default:
            assertNever(revokeRes.error.code);
        }
      }

      void emitAuditLogEvent({
        auth,
        action: "api_key.revoked",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "api_key", id: key.sId, name: key.name },
        ],
        context: getAuditLogContext(auth, req),
      });

      return res.status(204).end();
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, DELETE is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
