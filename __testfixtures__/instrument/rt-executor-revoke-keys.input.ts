import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { Authenticator } from "@app/lib/auth";
import { KeyResource } from "@app/lib/resources/key_resource";
import { concurrentExecutor } from "@app/lib/utils/async_utils";
import logger from "@app/logger/logger";
import type { LightWorkspaceType } from "@app/types/user";

/**
 * Revokes every key created by a member who left the workspace.
 */
export async function revokeKeysOfRemovedMember(
  owner: LightWorkspaceType,
  userId: number,
): Promise<{ revoked: number; failed: number }> {
  const auth = await Authenticator.internalAdminForWorkspace(owner.sId);
  const keys = await KeyResource.listNonSystemKeysByUser(auth, userId);
  let failed = 0;

  await concurrentExecutor(
    keys,
    async (key) => {
      if (key.status === "disabled") {
        return;
      }
      const revokeRes = await key.revoke(auth);
      if (revokeRes.isErr()) {
        failed += 1;
        logger.warn({ keyId: key.sId, error: revokeRes.error }, "Could not revoke key");
        return;
      }
    },
    { concurrency: 4 },
  );

  return { revoked: keys.length - failed, failed };
}
