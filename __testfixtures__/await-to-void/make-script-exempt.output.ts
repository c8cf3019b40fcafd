import { emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import { makeScript } from "@app/scripts/helpers";

makeScript({}, async ({ execute }) => {
  for (const workspace of await listWorkspaces()) {
    if (execute) {
      await backfill(workspace);
      // Awaited on purpose: the script exits when this function returns.
      await emitAuditLogEventDirect({
        workspace,
        action: "workspace.backfilled",
        actor: { type: "system", id: "migration", name: "Backfill" },
        targets: [{ type: "workspace", id: workspace.sId, name: workspace.name }],
        context: { location: "internal" },
      });
    }
  }
});
