import { Hono } from "hono";

import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import { SpaceResource } from "@app/lib/resources/space_resource";
import { withTransaction } from "@app/lib/utils/sql_utils";

export const spaces = new Hono<{ Variables: { auth: Authenticator } }>();

spaces.post("/", async (ctx) => {
  const auth = ctx.get("auth");
  const { name } = await ctx.req.json<{ name: string }>();
  const space = await withTransaction(async (t) => {
    const group = await GroupResource.makeNew(auth, { name: `Group for space ${name}`, kind: "regular" }, { transaction: t });
    return SpaceResource.makeNew({ name, kind: "regular", workspaceId: auth.getNonNullableWorkspace().id }, [group], t);
  });
  return ctx.json({ space: space.toJSON() }, 201);
});
