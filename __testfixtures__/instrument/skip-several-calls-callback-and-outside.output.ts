import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";
import { withTransaction } from "@app/lib/utils/sql_utils";

export async function archiveSpaceAndChildren(auth: Authenticator, space: SpaceResource, children: SpaceResource[]) {
  await withTransaction(async (transaction) => {
    await space.archive(auth, { transaction });
  });
  if (children.length === 0) {
    return;
  }
  await space.archive(auth, { cascade: true });
}
