import type { Authenticator } from "@app/lib/auth";
import { SpaceResource } from "@app/lib/resources/space_resource";

export async function renameSpace(auth: Authenticator, sId: string, newName: string) {
  const s = await SpaceResource.fetchById(auth, sId);
  if (!s) {
    throw new Error("Space not found");
  }
  await s.updateName(auth, newName);
  const previousName = s.name;
  return previousName;
}
