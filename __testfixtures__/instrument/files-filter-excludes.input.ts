import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";

export async function deleteSpace(auth: Authenticator, space: SpaceResource) {
  await space.delete(auth);
}
