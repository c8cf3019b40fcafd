import type { NextApiRequest, NextApiResponse } from "next";

import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";
import type { UserResource } from "@app/lib/resources/user_resource";

export async function inviteToSpace(req: NextApiRequest, res: NextApiResponse, auth: Authenticator, space: SpaceResource, user: UserResource) {
  await space.addMember(auth, user);
  void emitAuditLogEvent({
    auth,
    action: "space.member_added",
    targets: [
      // The space the user joins.
      buildAuditLogTarget("space", space), // primary target
      // sId, not the numeric id: WorkOS shows it to admins.
      /* display name */
      buildAuditLogTarget("user", user),
    ],
    context: getAuditLogContext(auth, req),
  });
  return res.status(200).json({ ok: true });
}
