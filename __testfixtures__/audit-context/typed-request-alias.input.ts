import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { KeyResource } from "@app/lib/resources/api_key_resource";

// Revocation is shared by the admin page and the public API; both pass their own request.
export async function revokeKeyForRequest(
  request: NextApiRequest,
  response: NextApiResponse,
  adminAuth: Authenticator,
  keyId: string
): Promise<void> {
  const key = await KeyResource.fetchById(adminAuth, keyId);
  if (!key) {
    return apiError(request, response, {
      status_code: 404,
      api_error: { type: "api_key_not_found", message: "The API key was not found." },
    });
  }

  const r = await key.revoke(adminAuth);
  if (r.isErr()) {
    return apiError(request, response, {
      status_code: 500,
      api_error: { type: "internal_server_error", message: r.error.message },
    });
  }

  void emitAuditLogEvent({
    auth: adminAuth,
    action: "api_key.revoked",
    targets: [
      { type: "workspace", id: adminAuth.getNonNullableWorkspace().sId, name: adminAuth.getNonNullableWorkspace().name },
      { type: "api_key", id: key.sId, name: key.name },
    ],
  });

  response.status(200).json({ key: key.toJSON() });
}
