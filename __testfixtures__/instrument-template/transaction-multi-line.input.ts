import { trackEvent as track } from "@app/lib/analytics";
import type { Authenticator } from "@app/lib/auth";
import { withTransaction } from "@app/lib/db";
import logger from "@app/lib/logger";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { Err, Ok, type Result } from "@app/types/shared/result";

export async function archiveStaleSpace(auth: Authenticator, spaceId: string): Promise<Result<void, Error>> {
  track({ event: "stale_space_check", spaceId });
  return withTransaction(async (transaction) => {
    const space = await SpaceResource.fetchById(auth, spaceId, { transaction });
    if (!space) {
      return new Err(new Error(`Space ${spaceId} not found`));
    }
    const archived = await space.archive(auth, { transaction });
    if (archived.isErr()) {
      logger.error({ err: archived.error, spaceId }, "Failed to archive a stale space");
      return new Err(archived.error);
    }
    return new Ok(undefined);
  });
}
