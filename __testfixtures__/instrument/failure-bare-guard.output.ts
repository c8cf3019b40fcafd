import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import { verifyDomainOwnership } from "@app/lib/api/domains";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";

export async function verifyDomain(auth: Authenticator, owner: WorkspaceResource, domain: string): Promise<Result<void, Error>> {
  const verification = await verifyDomainOwnership(owner, domain);
  if (verification.isErr()) {
    void emitAuditLogEvent({
      auth,
      action: "domain.verification_failed",
      targets: [
        buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      ],
      context: getAuditLogContext(auth),
      metadata: {
        domain,
        reason: String(verification.error.message),
      },
    });

    return new Err(verification.error);
  }

  return new Ok(undefined);
}
