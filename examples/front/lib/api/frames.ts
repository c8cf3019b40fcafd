import type { Authenticator } from "@app/lib/auth";
import logger from "@app/lib/logger";
import type { FrameResource } from "@app/lib/resources/frame_resource";
import { withTransaction } from "@app/lib/utils/transactions";
import { Err, Ok } from "@app/types/shared/result";
import type { Result } from "@app/types/shared/result";

/**
 * Deletes a frame and all its versions on an admin's request: both go in one
 * transaction, so a frame is never left without its versions or the reverse.
 */
export async function deleteFrameForAdmin(
  auth: Authenticator,
  frame: FrameResource
): Promise<Result<{ deletedVersions: number }, Error>> {
  if (!auth.isAdmin()) {
    return new Err(new Error("Only admins can delete frames."));
  }

  try {
    const deletedVersions = await withTransaction(async (t) => {
      const versions = await frame.deleteVersions(auth, { transaction: t });
      const deleteRes = await frame.delete(auth, { transaction: t });
      if (deleteRes.isErr()) {
        throw deleteRes.error;
      }
      return versions;
    });
    return new Ok({ deletedVersions });
  } catch (err) {
    logger.error({ err, frameId: frame.sId }, "Failed to delete frame");
    return new Err(err instanceof Error ? err : new Error(String(err)));
  }
}
