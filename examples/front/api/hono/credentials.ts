// Mounted at /api/w/:wId/credentials.

import { apiErrorForHono } from "@app/lib/api/errors";
import { createWorkspaceRouter } from "@app/lib/api/hono";
import { CredentialResource, isCredentialProvider } from "@app/lib/resources/credential_resource";

const app = createWorkspaceRouter();

app.post("/", async (ctx) => {
  const auth = ctx.get("auth");
  if (!auth.isAdmin()) {
    return apiErrorForHono(ctx, {
      status_code: 403,
      api_error: { type: "workspace_auth_error", message: "Only admins can add credentials." },
    });
  }

  const { name, provider, secret } = await ctx.req.json<{
    name?: unknown;
    provider?: unknown;
    secret?: unknown;
  }>();
  if (typeof name !== "string" || !name.trim()) {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Invalid credential name." },
    });
  }
  if (!isCredentialProvider(provider) || typeof secret !== "string" || !secret) {
    return apiErrorForHono(ctx, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Invalid provider or secret." },
    });
  }

  const credentialRes = await CredentialResource.makeNew(auth, {
    name: name.trim(),
    provider,
    secret,
  });
  if (credentialRes.isErr()) {
    return apiErrorForHono(ctx, {
      status_code: 409,
      api_error: { type: "invalid_request_error", message: credentialRes.error.message },
    });
  }

  return ctx.json({ credential: credentialRes.value.toJSON() }, 201);
});

export default app;
