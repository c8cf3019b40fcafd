import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { GroupResource } from "@app/lib/resources/group_resource";
import type { UserResource } from "@app/lib/resources/user_resource";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";

export async function addUsersToGroup(auth: Authenticator, group: GroupResource, users: UserResource[]): Promise<Result<void, Error>> {
  if (!group.canWrite(auth)) {
    return new Err(new Error("Not allowed to manage this group"));
  }
  await Promise.all(
    users.map(async (user) => {
      const r = await group.addMember(auth, user);
      if (r.isErr()) {
        throw r.error;
      }

      void emitAuditLogEvent({
        auth,
        action: "group.member_added",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "group", id: group.sId, name: group.name },
          { type: "user", id: user.sId, name: user.name },
        ],
        context: getAuditLogContext(auth),
      });
    })
  );
  return new Ok(undefined);
}
