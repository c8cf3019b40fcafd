import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";

export async function deleteSpace(auth: Authenticator, space: SpaceResource) {
	if (!space.canAdministrate(auth)) {
		throw new Error("Forbidden");
	}
	await space.delete(auth);
	return space.sId;
}
