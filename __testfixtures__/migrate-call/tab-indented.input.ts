import { buildAuditActor, buildAuditLogTarget, buildWorkspaceTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";

export async function syncGroupMembersActivity({
	workspaceId,
	userId,
	groupId,
}: {
	workspaceId: string;
	userId: string;
	groupId: string;
}): Promise<void> {
	const auth = await Authenticator.fromUserIdAndWorkspaceId(userId, workspaceId);
	const owner = auth.getNonNullableWorkspace();
	const group = await GroupResource.fetchById(auth, groupId);
	if (!group) {
		throw new Error(`Group ${groupId} not found`);
	}
	const added = await group.syncMembers(auth);
	if (added.isErr()) {
		throw added.error;
	}
	if (added.value.length > 0) {
		void emitAuditLogEvent({
			workspace: owner,
			action: "group.member_added",
			actor: buildAuditActor(auth),
			targets: [buildWorkspaceTarget(owner), buildAuditLogTarget("group", group)],
			metadata: { member_count: String(added.value.length) },
		});
	}
}
