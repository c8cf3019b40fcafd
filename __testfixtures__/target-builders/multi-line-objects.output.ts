import { buildAuditLogTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { DataSourceResource } from "@app/lib/resources/data_source_resource";
import type { SpaceResource } from "@app/lib/resources/space_resource";

export async function moveDataSource(auth: Authenticator, dataSource: DataSourceResource, from: SpaceResource, to: SpaceResource) {
  const r = await dataSource.moveTo(auth, to);
  if (r.isErr()) {
    return r;
  }
  void emitAuditLogEvent({
    auth,
    action: "data_source.moved",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("data_source", dataSource)],
    metadata: {
      from_space: from.sId,
      to_space: to.sId,
    },
  });
  void emitAuditLogEvent({
    auth,
    action: "space.updated",
    targets: [
      buildAuditLogTarget("space", to),
    ],
  });
  return r;
}
