import { buildAuditLogTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import { AgentConfigurationResource } from "@app/lib/resources/agent_configuration_resource";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import { makeScript } from "@app/scripts/helpers";

// The process exits when the script returns: emits are awaited so none is dropped.
makeScript({ workspaceId: { type: "string", demandOption: false } }, async ({ execute, workspaceId }, logger) => {
  const workspaces = workspaceId ? [await WorkspaceResource.fetchById(workspaceId)] : await WorkspaceResource.listAll();

  for (const workspace of workspaces) {
    if (!workspace) {
      continue;
    }
    const agents = await AgentConfigurationResource.listWithoutOwner(workspace);
    for (const agent of agents) {
      if (!execute) {
        logger.info({ agentId: agent.sId }, "Would backfill the owner");
        continue;
      }
      await agent.setOwnerToFirstEditor();

      await emitAuditLogEventDirect({
        workspace: workspace.toLightJSON(),
        actor: { type: "system", id: "migration", name: "Owner backfill" },
        action: "agent.owner_backfilled",
        targets: [buildAuditLogTarget("workspace", workspace.toLightJSON()), buildAuditLogTarget("agent", agent)],
        context: { location: "internal" },
        metadata: { migration: "20260301_backfill_agent_owners" },
      });
    }
  }
});
