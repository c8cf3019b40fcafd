// Mounted at /api/w/:wId/spaces.

import { identify, trackEvent } from "@app/lib/analytics";
import { apiErrorForHono } from "@app/lib/api/errors";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { SpaceResource } from "@app/lib/resources/space_resource";

const app = createWorkspaceRouter();

app.post("/:spaceId/archive", async (ctx) => {
  const auth = ctx.get("auth");
  identify(auth);
  const space = await SpaceResource.fetchById(auth, ctx.req.param("spaceId"));
  if (!space) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "space_not_found", message: "The space was not found." },
    });
  }
  // Tracked before the mutation: that is the attempt, not the archive.
  void trackEvent({ event: "space_archive_requested", spaceId: space.sId });

  const result = await space.archive(auth);
  if (result.isErr()) {
    return apiErrorForHono(ctx, {
      status_code: 500,
      api_error: { type: "internal_server_error", message: result.error.message },
    });
  }

  return ctx.json({ space: space.toJSON() });
});

app.post("/:spaceId/archive-now", async (ctx) => {
  const auth = ctx.get("auth");
  const space = await SpaceResource.fetchById(auth, ctx.req.param("spaceId"));
  if (!space) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "space_not_found", message: "The space was not found." },
    });
  }
  const result = await space.archive(auth);
  if (result.isErr()) {
    return apiErrorForHono(ctx, {
      status_code: 500,
      api_error: { type: "internal_server_error", message: result.error.message },
    });
  }

  void trackEvent({ event: "space_archived", spaceId: space.sId, immediate: true });

  return ctx.json({ space: space.toJSON() });
});

export default app;
