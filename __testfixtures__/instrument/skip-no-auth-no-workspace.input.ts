import { SpaceResource } from "@app/lib/resources/space_resource";

// Nightly cleanup: spaces soft-deleted more than 30 days ago are purged.
export async function purgeSpace(spaceId: string): Promise<void> {
  const space = await SpaceResource.fetchDeletedById(spaceId);
  if (!space) {
    return;
  }
  await space.hardDelete();
}
