import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import { withTransaction } from "@app/lib/utils/sql_utils";
import type { Result } from "@app/types";
import { Err, Ok } from "@app/types";

const MIN_RETENTION_DAYS = 1;

export async function updateDataRetention(auth: Authenticator, retentionDays: number | null): Promise<Result<void, Error>> {
  if (!auth.isAdmin()) {
    return new Err(new Error("Only admins can change data retention."));
  }
  if (retentionDays !== null && retentionDays < MIN_RETENTION_DAYS) {
    return new Err(new Error(`Retention must be at least ${MIN_RETENTION_DAYS} day.`));
  }
  const owner = auth.getNonNullableWorkspace();

  return withTransaction(async (transaction) => {
    const previous = await WorkspaceResource.getDataRetention(owner.id, { transaction });
    const [updated] = await WorkspaceResource.updateDataRetention(owner.id, retentionDays, { transaction });
    if (updated === 0) {
      return new Err(new Error("Workspace not found."));
    }

    void emitAuditLogEvent({
      auth,
      action: "workspace.data_retention_updated",
      targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace())],
      context: getAuditLogContext(auth),
      metadata: {
        previous_days: previous === null ? "none" : String(previous),
        new_days: retentionDays === null ? "none" : String(retentionDays),
      },
    });

    return new Ok(undefined);
  });
}
