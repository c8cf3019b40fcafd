import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { SpaceResource } from "@app/lib/resources/space_resource";

export async function renameSpace(auth: Authenticator, space: SpaceResource, name: string, reason?: string) {
  const previousName: string = space.name;
  const label = `space:${space.sId}`;
  const r = await space.updateName(auth, name);
  if (r.isErr()) {
    return r;
  }
  return r;
}
