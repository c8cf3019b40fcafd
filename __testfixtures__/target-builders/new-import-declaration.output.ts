import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent } from "@app/lib/api/audit";
import type { AuditLogTarget } from "@app/lib/api/audit/workos_audit";
import { buildAuditLogTarget } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { DomainResource } from "@app/lib/resources/domain_resource";

export async function verifyDomain(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const domain = await DomainResource.fetchByName(auth, req.body.domain);
  if (!domain) {
    return res.status(404).json({ error: "domain_not_found" });
  }
  await domain.markVerified(auth);
  const extra: AuditLogTarget[] = [];
  void emitAuditLogEvent({
    auth,
    action: "domain.verified",
    targets: [...extra, buildAuditLogTarget("domain", domain)],
  });
  return res.status(200).json({ domain: domain.toJSON() });
}
