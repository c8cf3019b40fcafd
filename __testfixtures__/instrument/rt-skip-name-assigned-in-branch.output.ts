import type { Authenticator } from "@app/lib/auth";
import type { DustError } from "@app/lib/error";
import type { SpaceResource } from "@app/lib/resources/space_resource";
import type { Result } from "@app/types/shared/result";
import { Ok } from "@app/types/shared/result";

export async function restrictSpace(
  auth: Authenticator,
  space: SpaceResource,
  { keepEditors }: { keepEditors: boolean },
): Promise<Result<void, DustError>> {
  let removedCount = 0;
  const restrictRes = await space.restrictAccess(auth, { keepEditors });
  if (restrictRes.isErr()) {
    return restrictRes;
  }
  if (!keepEditors) {
    removedCount = restrictRes.value.removedEditors.length;
  }

  return new Ok(undefined);
}
