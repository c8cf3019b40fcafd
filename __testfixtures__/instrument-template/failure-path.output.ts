import { trackEvent } from "@app/lib/analytics";
import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { Err, Ok, type Result } from "@app/types/shared/result";

export async function archiveSpaceActivity({
  auth,
  spaceId,
}: {
  auth: Authenticator;
  spaceId: string;
}): Promise<Result<void, Error>> {
  const space = await SpaceResource.fetchById(auth, spaceId);
  if (!space) {
    return new Err(new Error(`Space ${spaceId} not found`));
  }
  const result = await space.archive(auth);
  if (result.isErr()) {
    void trackEvent({ event: "space_archive_failed", spaceId: space.sId });

    return new Err(result.error);
  }
  return new Ok(undefined);
}
