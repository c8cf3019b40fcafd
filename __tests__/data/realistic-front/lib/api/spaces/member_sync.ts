import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";
import { UserResource } from "@app/lib/resources/user_resource";
import type { Result } from "@app/types";
import { Err, Ok } from "@app/types";

/** Makes a space's members exactly `userIds`: one event per user added or removed. */
export async function syncSpaceMembers(auth: Authenticator, space: SpaceResource, userIds: string[]): Promise<Result<{ added: number; removed: number }, Error>> {
  const current = await space.getMemberIds(auth);
  const toAdd = userIds.filter((id) => !current.includes(id));
  const toRemove = current.filter((id) => !userIds.includes(id));

  const added = await space.addMembers(auth, { userIds: toAdd });
  if (added.isErr()) {
    return new Err(added.error);
  }
  const removed = await space.removeMembers(auth, { userIds: toRemove });
  if (removed.isErr()) {
    return new Err(removed.error);
  }

  const users = await UserResource.fetchByIds([...toAdd, ...toRemove]);
  for (const user of users) {
    const wasAdded = toAdd.includes(user.sId);
    void emitAuditLogEvent({
      auth,
      action: wasAdded ? "space.member_added" : "space.member_removed",
      targets: [
        buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),
        buildAuditLogTarget("space", space),
        buildAuditLogTarget("user", { sId: user.sId, name: user.fullName() }),
      ],
      context: getAuditLogContext(auth),
      metadata: { member_count: String(userIds.length) },
    });
  }

  return new Ok({ added: toAdd.length, removed: toRemove.length });
}
