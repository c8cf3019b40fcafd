import { buildWorkspaceTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";

export async function rename(auth: Authenticator, space: SpaceResource, name: string) {
	const r = await space.updateName(auth, name);
	if (r.isErr()) {
		return r;
	}
	void emitAuditLogEvent({
		auth,
		action: "space.updated",
		targets: [
			buildWorkspaceTarget(auth.getNonNullableWorkspace()),
			// the renamed space
			{ type: "space", id: space.sId, name: space.name },
		],
	});
	return r;
}
