import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { WorkspaceModel } from "@app/lib/resources/storage/models/workspace";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";

export async function setSsoEnforcement(
  auth: Authenticator,
  enforced: boolean,
): Promise<Result<{ changed: boolean }, Error>> {
  const owner = auth.getNonNullableWorkspace();
  if (!auth.isAdmin()) {
    return new Err(new Error("Only admins can change SSO enforcement."));
  }
  if (owner.ssoEnforced === enforced) {
    return new Ok({ changed: false });
  }

  const [affectedCount] = await WorkspaceModel.update(
    { ssoEnforced: enforced },
    { where: { id: owner.id } },
  );
  if (affectedCount === 0) {
    return new Err(new Error(`Workspace ${owner.sId} could not be updated.`));
  }

  return new Ok({ changed: true });
}
