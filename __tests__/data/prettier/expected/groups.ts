import {
  buildAuditLogTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from '@app/lib/api/audit/workos_audit';
import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import { Err, Ok, type Result } from "@app/types/shared/result";

export async function removeMemberFromGroup(auth: Authenticator, { groupId, userId }: { groupId: string; userId: string }): Promise<Result<undefined, Error>> {
  const group = await GroupResource.fetchById(auth, groupId);
  if (group.isErr()) { return new Err(group.error) }

  const removeRes = await group.value.removeMember(auth, userId);
  if (removeRes.isErr()) {
    return new Err(removeRes.error);
  }

  void emitAuditLogEvent({
    auth,
    action: 'group.member_removed',
    targets: [
      buildAuditLogTarget('workspace', auth.getNonNullableWorkspace()),
      buildAuditLogTarget('group', group.value),
    ],
    context: getAuditLogContext(auth),
    metadata: {
      user_id: userId,
    },
  });

  return new Ok(undefined);
}

export const contextOf = (auth: Authenticator) => getAuditLogContext(auth, undefined)
