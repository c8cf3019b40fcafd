import type { Authenticator } from "@app/lib/auth";
import logger from "@app/lib/logger";
import type { GroupResource } from "@app/lib/resources/group_resource";
import { Err, Ok } from "@app/types/shared/result";
import type { Result } from "@app/types/shared/result";

export class GroupArchiveError extends Error {
  constructor(
    readonly code: "not_admin" | "has_members" | "archive_failed",
    message: string
  ) {
    super(message);
  }
}

/**
 * Archives an empty, manually managed group. Groups with members must be
 * emptied first so nobody loses access by surprise.
 */
export async function archiveGroup(
  auth: Authenticator,
  group: GroupResource
): Promise<Result<undefined, GroupArchiveError>> {
  if (!auth.isAdmin()) {
    return new Err(new GroupArchiveError("not_admin", "Only admins can archive groups."));
  }

  const members = await group.getActiveMembers(auth);
  if (members.length > 0) {
    return new Err(
      new GroupArchiveError("has_members", `The group still has ${members.length} members.`)
    );
  }

  const archiveRes = await group.archive(auth);
  if (archiveRes.isErr()) {
    logger.error({ err: archiveRes.error, groupId: group.sId }, "Failed to archive group");
    return new Err(new GroupArchiveError("archive_failed", archiveRes.error.message));
  }

  return new Ok(undefined);
}
