// Hono port of /api/w/[wId]/spaces/*, mounted at /api/w/:wId/spaces.
// The Next.js routes stay live until the front-end client switches over.

import {
  buildAuditLogTarget,
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import type { AuditAction } from "@app/lib/api/audit/workos_audit";
import { apiErrorForHono } from "@app/lib/api/errors";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { SpaceResource } from "@app/lib/resources/space_resource";

const app = createWorkspaceRouter();

app.get("/", async (ctx) => {
  const auth = ctx.get("auth");
  const spaces = await SpaceResource.listWorkspaceSpaces(auth);
  return ctx.json({ spaces: spaces.map((s) => s.toJSON()) });
});

app.patch("/:sId", async (ctx) => {
  const auth = ctx.get("auth");

  const space = await SpaceResource.fetchById(auth, ctx.req.param("sId"));
  if (!space) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "space_not_found", message: "The space was not found." },
    });
  }
  if (!space.canAdministrate(auth)) {
    return apiErrorForHono(ctx, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only admins can update spaces." },
    });
  }

  const body = await ctx.req.json<{ name?: unknown }>();
  if (typeof body.name !== "string" || !body.name.trim()) {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "`name` is required." },
    });
  }

  const previousName: string = space.name;
  const newName: string = body.name.trim();

  const result = await space.update(auth, { name: newName });
  if (result.isErr()) {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: result.error.message },
    });
  }

  await emitAuditLogEvent({
    auth,
    action: "space.updated",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      buildAuditLogTarget("space", space),
    ],
    context: getAuditLogContext(auth),
    metadata: {
      previous_name: previousName,
      new_name: newName,
    },
  });

  return ctx.json({ space: space.toJSON() });
});

app.post("/:sId/archive", async (ctx) => {
  const auth = ctx.get("auth");

  const space = await SpaceResource.fetchById(auth, ctx.req.param("sId"));
  if (!space) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "space_not_found", message: "The space was not found." },
    });
  }

  const result = await space.archive(auth);
  if (result.isErr()) {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: result.error.message },
    });
  }

  void emitAuditLogEvent({
    auth,
    action: "space.archive" as AuditAction,
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      buildAuditLogTarget("space", space),
    ],
    context: getAuditLogContext(auth),
  });

  return ctx.json({ space: space.toJSON() });
});

export default app;
