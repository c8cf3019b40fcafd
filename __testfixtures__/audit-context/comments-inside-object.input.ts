import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";

export async function archiveSpace(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space) {
    return apiError(req, res, { status_code: 404, api_error: { type: "space_not_found", message: "Not found." } });
  }

  const r = await space.archive(auth);
  if (r.isErr()) {
    return apiError(req, res, { status_code: 400, api_error: { type: "invalid_request_error", message: r.error.message } });
  }

  void emitAuditLogEvent({
    auth, // the admin who archived it
    action: "space.archived", // see admin/audit_log_schemas/space.archived.json
    // Workspace first, then the space itself (AUDIT7).
    targets: [
      { type: "workspace", id: auth.getNonNullableWorkspace().sId, name: auth.getNonNullableWorkspace().name },
      { type: "space", id: space.sId, name: space.name }, // archived, not deleted
    ], /* kept for the UI's history tab */
    metadata: {
      /* how many conversations the space held */
      conversation_count: String(r.value.conversationCount),
    },
  });

  return res.status(200).json({ space: space.toJSON() });
}
