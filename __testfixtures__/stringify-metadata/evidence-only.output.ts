import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { apiError } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { MembershipResource } from "@app/lib/resources/membership_resource";
import { SpaceResource } from "@app/lib/resources/space_resource";

const MAX_EDITORS = 25;

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const owner = auth.getNonNullableWorkspace();
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space) {
    return apiError(req, res, { status_code: 404, api_error: { type: "space_not_found", message: "Space not found." } });
  }

  switch (req.method) {
    case "PATCH": {
      const { role, domain, editorIds } = req.body;
      const editors = new Set<string>(editorIds);
      const seatLimit: number = owner.seatLimit;
      const overLimit = editors.size > MAX_EDITORS;
      const r = await MembershipResource.updateSpaceEditors(auth, space, [...editors], role);
      if (r.isErr()) {
        return apiError(req, res, { status_code: 500, api_error: { type: "internal_server_error", message: r.error.message } });
      }

      void emitAuditLogEvent({
        auth,
        action: "space.editors_updated",
        targets: [{ type: "space", id: space.sId, name: space.name }],
        context: getAuditLogContext(auth, req),
        metadata: {
          // The syntax cannot tell these: left as written, noted once.
          space_name: space.name,
          role,
          domain: domain ?? "all",
          // Surely not strings: wrapped.
          version: String(2),
          notify: String(false),
          editor_count: String(editors.size),
          previous_count: String(r.value.previous.length),
          added: String(r.value.added - r.value.removed),
          is_public: String(space.kind === "public"),
          is_private: String(!space.isOpen),
          has_admins: String(r.value.members.some((m) => m.isAdmin)),
          all_active: String(r.value.members.every((m) => m.active)),
          includes_owner: String(editors.has(owner.sId)),
          in_allowlist: String(owner.allowedDomains.includes(domain)),
          restricted: String(Boolean(space.restriction)),
          quota: String(Number(req.body.quota)),
          over_limit: String(overLimit),
          seat_limit: String(seatLimit),
          // Already strings: left alone.
          space_id: space.sId.toString(),
          seats: String(seatLimit),
        },
      });

      return res.status(200).json({ space: space.toJSON() });
    }
    default:
      return apiError(req, res, { status_code: 405, api_error: { type: "method_not_supported_error", message: "PATCH only." } });
  }
}

export default handler;
