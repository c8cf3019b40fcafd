// Outside `files` (pages/api/**): left as it is, though its emit has the legacy shape.
import { buildAuditActor, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { GroupResource } from "@app/lib/resources/group_resource";

export async function renameGroup(auth: Authenticator, group: GroupResource, name: string): Promise<void> {
  const owner = auth.getNonNullableWorkspace();
  await group.rename(auth, name);
  void emitAuditLogEvent({ workspace: owner, action: "group.renamed", actor: buildAuditActor(auth), targets: [] });
}
