import {
  buildAuditLogTarget,
  buildWorkspaceTarget,
  emitAuditLogEvent,
} from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { GroupResource } from "@app/lib/resources/group_resource";
import type { UserResource } from "@app/lib/resources/user_resource";
import { Err, Ok, type Result } from "@app/types/shared/result";

export async function addMember(auth: Authenticator, group: GroupResource, user: UserResource): Promise<Result<void, Error>> {
  const r = await group.addMember(auth, user);
  if (r.isErr()) {
    return new Err(r.error);
  }

  void emitAuditLogEvent({
    auth,
    action: "group.member_added",
    targets: [
      { type: "group", id: group.sId, name: group.name },
      { type: "user", id: user.sId, name: user.fullName() },
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
    ],
  });
  return new Ok(undefined);
}

export async function removeMember(auth: Authenticator, group: GroupResource, user: UserResource): Promise<Result<void, Error>> {
  const r = await group.removeMember(auth, user);
  if (r.isErr()) {
    return new Err(r.error);
  }

  const workspace = auth.getNonNullableWorkspace();
  void emitAuditLogEvent({
    auth,
    action: "group.member_removed",
    targets: [
      { type: "group", id: group.sId, name: group.name },
      buildAuditLogTarget("workspace", workspace),
      { type: "user", id: user.sId, name: user.fullName() },
    ],
  });
  return new Ok(undefined);
}

export async function renameGroup(auth: Authenticator, group: GroupResource, name: string): Promise<Result<void, Error>> {
  const workspace = auth.getNonNullableWorkspace();
  const r = await group.updateName(auth, name);
  if (r.isErr()) {
    return new Err(r.error);
  }

  void emitAuditLogEvent({
    auth,
    action: "group.updated",
    targets: [{ type: "group", id: group.sId, name: group.name }, { type: "workspace", id: workspace.sId, name: workspace.name }],
    metadata: { name },
  });
  return new Ok(undefined);
}
