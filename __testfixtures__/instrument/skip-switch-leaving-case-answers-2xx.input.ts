import { Hono } from "hono";

import type { Authenticator } from "@app/lib/auth";
import { TagResource } from "@app/lib/resources/tag_resource";

type Env = { Variables: { auth: Authenticator } };

export const tags = new Hono<Env>().post("/", async (c) => {
  const auth = c.get("auth");
  const { name } = await c.req.json<{ name: string }>();
  const upsert = await TagResource.upsertByName(auth, name);
  switch (upsert.status) {
    case "created":
      return c.json({ tag: upsert.tag.toJSON() }, 201);
    case "exists":
      break;
  }
  return c.json({ tag: upsert.tag.toJSON() });
});
