import type { Authenticator } from "@app/lib/auth";
import { fetchSpace, getSpaceById, listSpaces } from "@app/lib/resources/space_resource";
import { Err, Ok, type Result } from "@app/types/shared/result";

export async function archiveSpace(auth: Authenticator, spaceId: string): Promise<Result<void, Error>> {
  const space = await fetchSpace(auth, { sId: spaceId, includeDeleted: false });
  if (!space) {
    return new Err(new Error(`Space ${spaceId} not found`));
  }
  const siblings = await listSpaces(auth);
  const parent = await fetchSpace(auth, { sId: space.parentId ?? siblings[0].sId, includeDeleted: false });
  // Migrated by hand already, but still under the old name: only the name changes.
  const same = await fetchSpace(auth, { sId: spaceId, includeDeleted: false });
  // A shape the migration does not know: reported, left alone.
  const any = await getSpaceById(auth, spaceId, { cache: false });
  if (!parent || !same || !any) {
    return new Err(new Error("No parent space"));
  }
  return new Ok(undefined);
}

// A local helper of the same name: renaming it is a refactoring of this file, not a call-site migration.
export async function countSpaces(auth: Authenticator): Promise<number> {
  const getSpaceById = async (_auth: Authenticator, _id: string) => (await listSpaces(_auth)).length;
  return getSpaceById(auth, "all");
}
