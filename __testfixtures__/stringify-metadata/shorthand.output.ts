import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import { Err, Ok } from "@app/types/shared/result";
import type { Result } from "@app/types/shared/result";

export async function addGroupMembers(
  auth: Authenticator,
  groupId: string,
  userIds: string[],
  source: string
): Promise<Result<number, Error>> {
  const group = await GroupResource.fetchById(auth, groupId);
  if (!group) {
    return new Err(new Error("Group not found."));
  }

  const count = await group.addMembers(auth, userIds);
  const dryRun = false;
  void emitAuditLogEvent({
    auth,
    action: "group.member_added",
    targets: [{ type: "group", id: group.sId, name: group.name }],
    metadata: { count, source, dryRun: String(dryRun), group_id: groupId },
  });

  return new Ok(count);
}
