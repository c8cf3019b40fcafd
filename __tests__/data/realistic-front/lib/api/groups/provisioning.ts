import { buildAuditLogTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import { UserResource } from "@app/lib/resources/user_resource";
import { withTransaction } from "@app/lib/utils/sql_utils";
import logger from "@app/logger/logger";
import type { Result } from "@app/types";
import { Err, Ok } from "@app/types";

/** SCIM: a directory group is mirrored as a provisioned group, with its members. */
export async function provisionDirectoryGroup(
  auth: Authenticator,
  { directoryGroupId, name, memberEmails }: { directoryGroupId: string; name: string; memberEmails: string[] }
): Promise<Result<GroupResource, Error>> {
  const users = await UserResource.listByEmails(memberEmails);
  if (users.length !== memberEmails.length) {
    logger.warn({ directoryGroupId, missing: memberEmails.length - users.length }, "Some directory members have no account yet");
  }

  try {
    const group = await withTransaction(async (t) => {
      const g = await GroupResource.upsertProvisioned(auth, { directoryGroupId, name }, { transaction: t });
      await g.setMembers(auth, users, { transaction: t });
      return g;
    });

    void emitAuditLogEvent({
      auth,
      action: "group.provisioned",
      targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("group", group)],
      metadata: { directory_group_id: directoryGroupId, member_count: String(users.length) },
    });

    return new Ok(group);
  } catch (err) {
    return new Err(err instanceof Error ? err : new Error(String(err)));
  }
}
