import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { DataSourceViewResource } from "@app/lib/resources/data_source_view_resource";
import type { SpaceResource } from "@app/lib/resources/space_resource";
import { apiError } from "@app/logger/withlogging";

export async function attachDataSource(
  req: NextApiRequest,
  res: NextApiResponse,
  auth: Authenticator,
  space: SpaceResource,
  view: DataSourceViewResource
) {
  const r = await space.attach(auth, view);
  if (r.isErr()) {
    return apiError(req, res, { status_code: 400, api_error: { type: "invalid_request_error", message: r.error.message } });
  }

  // Audit once the view is attached; the space is the primary target.
  void emitAuditLogEvent({
    auth, // the caller's authenticator
    action: "data_source_view.created",
    /* targets: most specific last */
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      // The space that now holds the view.
      { type: "space", id: space.sId, name: space.name }, // primary
      /* the view itself */ { type: "data_source_view", id: view.sId, name: view.name },
      // (no workspace target yet)
    ],
    context: getAuditLogContext(auth, req), // request-driven
  });
  return res.status(201).json({ view: view.toJSON() });
}
