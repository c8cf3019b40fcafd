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
    })
  );
  return new Ok(undefined);
}
