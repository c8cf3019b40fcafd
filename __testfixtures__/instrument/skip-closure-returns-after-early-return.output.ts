import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { withTransaction } from "@app/lib/utils/sql_utils";

export async function createSpaceWithGroup(auth: Authenticator, name: string) {
  const space = await withTransaction(async (t) => {
    const existing = await SpaceResource.fetchByName(auth, name, { transaction: t });
    if (existing) {
      return existing;
    }
    const group = await GroupResource.makeNew(auth, { name: `Group for space ${name}`, kind: "regular" }, { transaction: t });
    return SpaceResource.makeNew({ name, kind: "regular", workspaceId: auth.getNonNullableWorkspace().id }, [group], t);
  });
  return space;
}
