import { zValidator } from "@hono/zod-validator";
import { z } from "zod";

import { archiveAgentConfiguration, getAgentConfiguration } from "@app/lib/api/assistant/configuration";
import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { apiErrorForHono } from "@app/lib/api/errors";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import logger from "@app/logger/logger";

const ArchiveAgentBodySchema = z.object({
  reason: z.string().max(500).optional(),
});

const app = createWorkspaceRouter();

app.get("/:aId", async (c) => {
  const auth = c.get("auth");
  const agent = await getAgentConfiguration(auth, { agentId: c.req.param("aId"), variant: "light" });
  if (!agent) {
    return apiErrorForHono(c, {
      status_code: 404,
      api_error: { type: "agent_configuration_not_found", message: "The agent was not found." },
    });
  }
  return c.json({ agentConfiguration: agent });
});

app.post("/:aId/archive", zValidator("json", ArchiveAgentBodySchema), async (c) => {
  const auth = c.get("auth");
  const { reason } = c.req.valid("json");

  const agent = await getAgentConfiguration(auth, { agentId: c.req.param("aId"), variant: "light" });
  if (!agent) {
    return apiErrorForHono(c, {
      status_code: 404,
      api_error: { type: "agent_configuration_not_found", message: "The agent was not found." },
    });
  }
  if (!agent.canEdit) {
    return apiErrorForHono(c, {
      status_code: 403,
      api_error: { type: "agent_group_permission_error", message: "Only editors can archive this agent." },
    });
  }

  const archiveRes = await archiveAgentConfiguration(auth, agent.sId);
  if (archiveRes.isErr()) {
    logger.error({ error: archiveRes.error, agentId: agent.sId }, "Failed to archive agent");
    return apiErrorForHono(c, {
      status_code: 500,
      api_error: { type: "internal_server_error", message: "Failed to archive the agent." },
    });
  }

  void emitAuditLogEvent({
    auth,
    action: "agent.archived",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "agent", id: agent.sId, name: agent.name },
    ],
    context: getAuditLogContext(auth),
    metadata: {
      reason: String(reason ?? ""),
    },
  });

  return c.json({ success: true });
});

export default app;
