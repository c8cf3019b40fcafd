import type { Authenticator } from "@app/lib/auth";
import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { softDeleteDataSource } from "@app/lib/api/data_sources";
import { executeWithLock } from "@app/lib/lock";
import type { DataSourceResource } from "@app/lib/resources/data_source_resource";
import type { Result } from "@app/types/shared/result";
import { Ok } from "@app/types/shared/result";

export async function deleteDataSource(auth: Authenticator, dataSource: DataSourceResource): Promise<Result<void, Error>> {
  const r = await executeWithLock(`data_source_${dataSource.sId}`, () => softDeleteDataSource(auth, dataSource));
  if (r.isErr()) {
    return r;
  }

  void emitAuditLogEvent({
    auth,
    action: "data_source.deleted",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "data_source", id: dataSource.sId, name: dataSource.name },
    ],
    context: getAuditLogContext(auth),
  });

  return new Ok(undefined);
}
