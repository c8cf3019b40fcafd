import type { Authenticator } from "@app/lib/auth";
import type { GroupResource } from "@app/lib/resources/group_resource";
import type { UserResource } from "@app/lib/resources/user_resource";
import type { Result } from "@app/types/shared/result";
import { Ok } from "@app/types/shared/result";

export async function addMembersToGroup(auth: Authenticator, group: GroupResource, users: UserResource[]): Promise<Result<void, Error>> {
  const addRes = await group.addMembers(auth, users);
  if (addRes.isErr()) {
    return addRes;
  }
  return new Ok(undefined);
}
