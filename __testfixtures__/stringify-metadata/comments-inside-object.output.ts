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
    auth,
    action: "space.archived",
    targets: [{ type: "space", id: space.sId, name: space.name }],
    context: getAuditLogContext(auth, req),
    metadata: {
      // How much the archive hid from members.
      conversation_count: String(r.value.conversationCount), // counted before archiving
      /* true when the space had public links */ had_links: String(r.value.hadPublicLinks),
      space_kind: String(space.kind) /* "regular" | "public" */,
      archived_by: String(auth.user().sId), // already a string? not to the syntax
    },
  });

  return res.status(200).json({ space: space.toJSON() });
}
