import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";

export default async function logoutHandler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  await auth.session().destroy();

  void emitAuditLogEvent({
    auth,
    action: "user.logged_out",
    context: getAuditLogContext(auth, req)
  });

  void emitAuditLogEvent({
    action: "session.revoked",
    auth,
    targets: [{ type: "user", id: auth.getNonNullableUser().sId, name: auth.getNonNullableUser().fullName() }],
    context: getAuditLogContext(auth, req)
  });

  res.status(302).setHeader("Location", "/").end();
}
