import type { Authenticator } from "@app/lib/auth";
import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { verifyDomain } from "@app/lib/api/domains";
import type { DomainResource } from "@app/lib/resources/domain_resource";
import logger from "@app/logger/logger";

export async function checkDomain(auth: Authenticator, domain: DomainResource): Promise<"verified" | "pending" | "failed"> {
  const status = await verifyDomain(auth, domain);
  if (status.isErr()) {
    logger.warn({ domain: domain.domain, error: status.error }, "Domain verification failed");
    return "failed";
  } else if (!status.value) {
    return "pending";
  } else {
    void emitAuditLogEvent({
      auth,
      action: "domain.verified",
      targets: [
        buildWorkspaceTarget(auth.getNonNullableWorkspace()),
        { type: "domain", id: domain.sId, name: domain.name },
      ],
      context: getAuditLogContext(auth),
    });

    await domain.markVerified();
    return "verified";
  }
}
