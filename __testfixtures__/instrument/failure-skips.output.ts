import type { Authenticator } from "@app/lib/auth";
import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { verifyDomainOwnership } from "@app/lib/api/domains";
import type { WorkspaceResource } from "@app/lib/resources/workspace_resource";

// Failure events need exactly one failure path to go on.
export async function verifyUnchecked(auth: Authenticator, owner: WorkspaceResource, domain: string) {
  await verifyDomainOwnership(owner, domain);
}

export async function verifyTwice(auth: Authenticator, owner: WorkspaceResource, domain: string) {
  try {
    const verification = await verifyDomainOwnership(owner, domain);
    if (verification.isErr()) {
      return verification;
    }
  } catch (err) {
    throw new Error(`DNS lookup failed for ${domain}`);
  }
}

export async function verifyOrFail(auth: Authenticator, owner: WorkspaceResource, domain: string) {
  const verification = await verifyDomainOwnership(owner, domain);
  if (verification.isOk()) {
    return owner;
  }

  void emitAuditLogEvent({
    auth,
    action: "domain.verification_failed",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
    ],
    context: getAuditLogContext(auth),
    metadata: {
      domain,
    },
  });

  throw new Error(`Could not verify ${domain}`);
}
