import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";

// Already audited by hand: the emit sits after the response was prepared.
export async function deleteHandler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space) {
    return res.status(404).end();
  }
  await space.delete(auth);
  res.status(204).end();
  void emitAuditLogEvent({
    auth,
    action: "space.deleted",
    targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace()), { type: "space", id: space.sId, name: space.name }],
    context: getAuditLogContext(auth, req),
  });
}

// Not audited yet.
export async function bulkDeleteHandler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const space = await SpaceResource.fetchById(auth, req.body.spaceId);
  if (!space) {
    return res.status(404).end();
  }
  await space.delete(auth);
  return res.status(204).end();
}
