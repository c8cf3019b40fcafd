import { Hono } from "hono";
import type { MiddlewareHandler } from "hono";

import { apiErrorForHono } from "@app/lib/api/errors";
import { Authenticator, getSessionFromCookieHeader } from "@app/lib/auth";

export type WorkspaceHonoEnv = {
  Variables: {
    auth: Authenticator;
  };
};

// Resolves the Authenticator for /api/w/:wId/* and stores it on the context.
export const workspaceAuthMiddleware: MiddlewareHandler<WorkspaceHonoEnv> = async (
  ctx,
  next
) => {
  const session = getSessionFromCookieHeader(ctx.req.header("cookie"));
  if (!session) {
    return apiErrorForHono(ctx, {
      status_code: 401,
      api_error: { type: "not_authenticated", message: "Not authenticated." },
    });
  }

  const auth = await Authenticator.fromUserIdAndWorkspaceId(
    session.userId,
    ctx.req.param("wId")
  );
  if (!auth.isUser()) {
    return apiErrorForHono(ctx, {
      status_code: 404,
      api_error: { type: "workspace_not_found", message: "The workspace was not found." },
    });
  }

  ctx.set("auth", auth);
  await next();
};

export function createWorkspaceRouter(): Hono<WorkspaceHonoEnv> {
  const app = new Hono<WorkspaceHonoEnv>({ strict: false });
  app.use(workspaceAuthMiddleware);
  return app;
}
