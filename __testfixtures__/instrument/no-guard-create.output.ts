import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import type { Result } from "@app/types/shared/result";
import { Ok } from "@app/types/shared/result";

export async function createGroup(
  auth: Authenticator,
  { name, memberIds }: { name: string; memberIds: string[] }
): Promise<Result<GroupResource, Error>> {
  const group = await GroupResource.makeNew(auth, {
    name,
    kind: "regular",
  });

  void emitAuditLogEvent({
    auth,
    action: "group.created",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "group", id: group.sId, name: group.name },
    ],
    context: getAuditLogContext(auth),
    metadata: {
      group_name: name,
      member_count: String(memberIds.length),
    },
  });

  await group.addMembers(auth, memberIds);

  return new Ok(group);
}
