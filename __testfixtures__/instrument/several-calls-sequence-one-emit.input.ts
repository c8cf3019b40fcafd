import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";
import type { UserResource } from "@app/lib/resources/user_resource";
import type { Result } from "@app/types/shared/result";
import { Ok } from "@app/types/shared/result";

export async function removeUsersFromSpace(
  auth: Authenticator,
  space: SpaceResource,
  { editors, viewers }: { editors: UserResource[]; viewers: UserResource[] }
): Promise<Result<void, Error>> {
  const editorsRes = await space.removeMembers(auth, { users: editors, role: "editor" });
  if (editorsRes.isErr()) {
    return editorsRes;
  }
  const viewersRes = await space.removeMembers(auth, { users: viewers, role: "viewer" });
  if (viewersRes.isErr()) {
    return viewersRes;
  }
  return new Ok(undefined);
}
