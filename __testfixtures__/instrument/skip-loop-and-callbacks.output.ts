import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { withTransaction } from "@app/lib/utils/sql_utils";
import type { SpaceResource } from "@app/lib/resources/space_resource";

export async function archiveSpaces(auth: Authenticator, spaces: SpaceResource[]) {
  for (const space of spaces) {
    await space.archive(auth);
  }
}

export async function archiveSpacesConcurrently(auth: Authenticator, spaces: SpaceResource[]) {
  await Promise.all(spaces.map((space) => space.archive(auth)));
}

export async function archiveEach(auth: Authenticator, spaces: SpaceResource[]) {
  spaces.forEach(async (space) => {
    await space.archive(auth);

    void emitAuditLogEvent({
      auth,
      action: "space.archived",
      targets: [
        buildWorkspaceTarget(auth.getNonNullableWorkspace()),
        { type: "space", id: space.sId, name: space.name },
      ],
      context: getAuditLogContext(auth),
    });
  });
}

export async function archiveInTransaction(auth: Authenticator, space: SpaceResource) {
  await withTransaction(async (transaction) => {
    await space.archive(auth, { transaction });

    void emitAuditLogEvent({
      auth,
      action: "space.archived",
      targets: [
        buildWorkspaceTarget(auth.getNonNullableWorkspace()),
        { type: "space", id: space.sId, name: space.name },
      ],
      context: getAuditLogContext(auth),
    });
  });
}
