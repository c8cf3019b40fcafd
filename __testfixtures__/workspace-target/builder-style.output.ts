import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildAuditLogTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { apiError } from "@app/logger/withlogging";

export async function handleSpaces(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  switch (req.method) {
    case "POST": {
      const space = await SpaceResource.makeNew(auth, { name: req.body.name, kind: "regular" });
      void emitAuditLogEvent({
        auth,
        action: "space.created",
        targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("space", space)],
        context: getAuditLogContext(auth, req),
      });
      return res.status(201).json({ space: space.toJSON() });
    }
    case "DELETE": {
      const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
      if (!space) {
        return apiError(req, res, { status_code: 404, api_error: { type: "space_not_found", message: "Space not found." } });
      }
      await space.softDelete(auth);
      void emitAuditLogEvent({
        auth,
        action: "space.deleted",
        targets: [
          buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),
          buildAuditLogTarget("space", space),
        ],
        context: getAuditLogContext(auth, req),
      });
      return res.status(204).end();
    }
    default:
      return apiError(req, res, { status_code: 405, api_error: { type: "method_not_supported_error", message: "Method not supported." } });
  }
}
