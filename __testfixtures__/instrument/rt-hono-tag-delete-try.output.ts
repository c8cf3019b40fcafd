import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { apiErrorForHono } from "@app/lib/api/errors";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { TagResource } from "@app/lib/resources/tag_resource";
import logger from "@app/logger/logger";

const app = createWorkspaceRouter();

app.delete("/:tagId", async (c) => {
  const auth = c.get("auth");
  if (!auth.isBuilder()) {
    return apiErrorForHono(c, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only builders can delete tags." },
    });
  }

  const tag = await TagResource.fetchById(auth, c.req.param("tagId"));
  if (!tag) {
    return apiErrorForHono(c, {
      status_code: 404,
      api_error: { type: "tag_not_found", message: "The tag was not found." },
    });
  }

  const usage = await tag.countAgents(auth);
  try {
    await tag.delete(auth);
  } catch (err) {
    logger.error({ err, tagId: tag.sId }, "Failed to delete tag");
    return apiErrorForHono(c, {
      status_code: 500,
      api_error: { type: "internal_server_error", message: "Failed to delete the tag." },
    });
  }

  void emitAuditLogEvent({
    auth,
    action: "tag.deleted",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "tag", id: tag.sId, name: tag.name },
    ],
    context: getAuditLogContext(auth),
    metadata: {
      agent_count: String(usage),
    },
  });

  return c.body(null, 204);
});

export default app;
