// Every workspace gets a restricted "Conversations" space. Workspaces created
// before 2026-01-01 never got one: create it and record it in the audit log.

import {
  buildAuditLogTarget,
  buildWorkspaceTarget,
  emitAuditLogEventDirect,
} from "@app/lib/api/audit/workos_audit";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import { makeScript } from "@app/scripts/helpers";

makeScript(
  {
    workspaceId: {
      type: "string",
      describe: "Only backfill this workspace (sId)",
    },
  },
  async ({ execute, workspaceId }, logger) => {
    const workspaces = workspaceId
      ? [await WorkspaceResource.fetchById(workspaceId)]
      : await WorkspaceResource.listAll();

    let created = 0;
    for (const workspace of workspaces) {
      if (!workspace) {
        logger.warn({ workspaceId }, "Workspace not found");
        continue;
      }

      const spaces = await SpaceResource.listForWorkspace(workspace);
      if (spaces.some((s) => s.kind === "conversations")) {
        continue;
      }

      if (!execute) {
        logger.info({ workspaceId: workspace.sId }, "Would create the conversations space");
        continue;
      }

      const space = await SpaceResource.makeNew({
        workspaceId: workspace.id,
        name: "Conversations",
        kind: "conversations",
        isRestricted: true,
      });
      created++;

      // Awaited on purpose: makeScript exits the process once this function
      // returns, and a fire-and-forget emit would be dropped.
      await emitAuditLogEventDirect({
        workspace,
        action: "space.created",
        actor: { type: "system", id: "migration", name: "20260101_backfill_spaces" },
        targets: [buildWorkspaceTarget(workspace), buildAuditLogTarget("space", space)],
        context: { location: "internal" },
        metadata: {
          space_kind: "conversations",
          is_restricted: "true",
        },
      });
    }

    logger.info({ created, execute }, "Done");
  }
);
