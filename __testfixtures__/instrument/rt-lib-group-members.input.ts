import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { DustError } from "@app/lib/error";
import type { GroupResource } from "@app/lib/resources/group_resource";
import type { UserResource } from "@app/lib/resources/user_resource";
import logger from "@app/logger/logger";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";

/**
 * Removes users from a provisioned group. SCIM-managed groups refuse manual edits.
 */
export async function removeUsersFromGroup(
  auth: Authenticator,
  { group, users }: { group: GroupResource; users: UserResource[] },
): Promise<Result<{ removedCount: number }, DustError>> {
  if (!group.canWrite(auth)) {
    return new Err(new DustError("unauthorized", "You cannot edit this group."));
  }
  if (group.kind === "provisioned") {
    return new Err(new DustError("invalid_request_error", "Provisioned groups are managed by your identity provider."));
  }
  if (users.length === 0) {
    return new Ok({ removedCount: 0 });
  }

  const removeRes = await group.removeMembers(auth, users);
  if (removeRes.isErr()) {
    return removeRes;
  }

  const removedCount = removeRes.value.length;
  logger.info({ groupId: group.sId, removedCount }, "Removed users from group");

  return new Ok({ removedCount });
}
