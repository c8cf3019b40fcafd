import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
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
    targets: [{
      type: "workspace",
      id: auth.getNonNullableWorkspace().sId,
      name: auth.getNonNullableWorkspace().name,
    }, {
      type: "data_source",
      id: dataSource.sId,
      name: dataSource.name
    }],
    metadata: {
      from_space: from.sId,
      to_space: to.sId,
    },
  });
  void emitAuditLogEvent({
    auth,
    action: "space.updated",
    targets: [
      {
        type: "space",
        id: to.sId,
        name: to.name,
      },
    ],
  });
  return r;
}
