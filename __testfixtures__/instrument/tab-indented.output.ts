import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";

export async function deleteSpace(auth: Authenticator, space: SpaceResource) {
	if (!space.canAdministrate(auth)) {
		throw new Error("Forbidden");
	}
	await space.delete(auth);

	void emitAuditLogEvent({
		auth,
		action: "space.deleted",
		targets: [
			buildWorkspaceTarget(auth.getNonNullableWorkspace()),
			{ type: "space", id: space.sId, name: space.name },
		],
		context: getAuditLogContext(auth),
	});

	return space.sId;
}
