import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import type { SpaceResource } from "@app/lib/resources/space_resource";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";

export async function linkGroupToSpace(auth: Authenticator, space: SpaceResource, groupId: string): Promise<Result<void, Error>> {
  const r = await space.linkGroup(auth, groupId);
  if (r.isErr()) {
    return r;
  }
  const group = await GroupResource.fetchById(auth, groupId);
  if (!group) {
    return new Err(new Error(`Group ${groupId} vanished after linking`));
  }
  return new Ok(undefined);
}
