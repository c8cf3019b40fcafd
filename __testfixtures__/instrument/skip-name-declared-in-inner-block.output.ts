import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";
import type { Result } from "@app/types/shared/result";
import { Ok } from "@app/types/shared/result";

export async function updateSpaceSettings(auth: Authenticator, space: SpaceResource, settings: { kind: string }): Promise<Result<void, Error>> {
  const r = await space.updateSettings(auth, settings);
  if (r.isErr()) {
    return r;
  }
  if (r.value.changed) {
    const previousKind = r.value.previous.kind;
    await space.notifyMembers(auth, { previousKind });
  }
  return new Ok(undefined);
}
