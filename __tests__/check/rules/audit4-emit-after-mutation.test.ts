import { audit4EmitAfterMutation, verbBaseForms } from "../../../src/check/rules/audit4-emit-after-mutation";
import { code, runRuleTests } from "../rule-tester";

describe("verbBaseForms", () => {
  it.each([
    ["space.deleted", ["delet", "delete"]],
    ["group.member_added", ["add", "adde"]],
    ["trigger.stopped", ["stopp", "stoppe", "stop"]],
    ["document.copied", ["copi", "copie", "copy"]],
    ["user.login", []],
    ["api_key.rotate", []],
  ])("%s", (action, forms) => {
    expect(verbBaseForms(action)).toEqual(forms);
  });
});

runRuleTests(audit4EmitAfterMutation, {
  valid: [
    {
      name: "emit after the guard of the mutation it audits",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
          switch (req.method) {
            case "DELETE": {
              const deleteRes = await space.delete(auth);
              if (deleteRes.isErr()) {
                return apiError(req, res, { status_code: 500, api_error: { type: "internal_server_error", message: deleteRes.error.message } });
              }
              void emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });
              return res.status(204).end();
            }
          }
        }
      `,
    },
    {
      name: "a failure event is emitted before the failing path returns",
      code: code`
        async function verify(auth: Authenticator, domain: string) {
          void emitAuditLogEvent({ auth, action: "domain.verification_failed", targets: [] });
          await domainRepo.verifyDomain(auth, domain);
        }
      `,
    },
    {
      name: "the later call names the verb but not the resource",
      code: code`
        app.delete("/:sId", async (ctx) => {
          const auth = ctx.get("auth");
          void emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });
          await deleteCache(ctx.req.param("sId"));
          return ctx.body(null, 204);
        });
      `,
    },
    {
      name: "the mutation is in a callback, not a statement of the same block",
      code: code`
        export async function archiveAll(auth: Authenticator, spaces: SpaceResource[]) {
          void emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });
          await Promise.all(spaces.map(async (space) => await space.delete(auth)));
        }
      `,
    },
    {
      name: "the emit is in another branch than the mutation",
      code: code`
        export async function removeMember(auth: Authenticator, group: GroupResource, user: UserType) {
          if (!user) {
            void emitAuditLogEvent({ auth, action: "group.member_removed", targets: [] });
            return;
          }
          await group.removeMembers(auth, [user.sId]);
        }
      `,
    },
    {
      name: "the mutation is not awaited",
      code: code`
        export function scheduleDelete(auth: Authenticator, space: SpaceResource) {
          void emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });
          space.delete(auth).catch(() => {});
        }
      `,
    },
    {
      name: "an irregular verb is beyond the heuristic",
      code: code`
        export async function rotate(auth: Authenticator, key: ApiKeyResource) {
          void emitAuditLogEvent({ auth, action: "api_key.rewritten", targets: [] });
          await key.rewrite(auth);
        }
      `,
    },
  ],
  invalid: [
    {
      name: "emit before the awaited delete in a Next.js handler",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
          switch (req.method) {
            case "DELETE": {
              void emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });
              const deleteRes = await space.delete(auth);
              if (deleteRes.isErr()) {
                return apiError(req, res, { status_code: 500, api_error: { type: "internal_server_error", message: deleteRes.error.message } });
              }
              return res.status(204).end();
            }
          }
        }
      `,
      errors: [{ line: 4, column: 12, message: '"space.deleted" is emitted before `space.delete(...)` (line 5), the mutation its verb names; emit after the mutation succeeds' }],
    },
    {
      name: "emit before a helper whose camelCase name holds verb and resource, in a try",
      code: code`
        export async function deleteSpace(auth: Authenticator, space: SpaceResource) {
          try {
            void emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });
            logger.info({ spaceId: space.sId }, "Deleting space");
            await softDeleteSpaceAndLaunchScrubWorkflow(auth, space);
          } catch (err) {
            return new Err(err as Error);
          }
          return new Ok(undefined);
        }
      `,
      errors: [{ line: 3, column: 10, message: '"space.deleted" is emitted before `softDeleteSpaceAndLaunchScrubWorkflow(...)` (line 5), the mutation its verb names; emit after the mutation succeeds' }],
    },
    {
      name: "multi-word resource and plural method name in a Hono route",
      file: "api/hono/api_keys.ts",
      code: code`
        app.post("/:sId/revoke", async (ctx) => {
          const auth = ctx.get("auth");
          void emitAuditLogEvent({ auth, action: "api_key.revoked", targets: [] });
          const result = await ApiKeyResource.revoke(auth, key);
          if (result.isErr()) {
            return apiErrorForHono(ctx, { status_code: 400, api_error: { type: "invalid_request_error", message: result.error.message } });
          }
          return ctx.body(null, 204);
        });
      `,
      errors: [{ line: 3, column: 8, message: '"api_key.revoked" is emitted before `ApiKeyResource.revoke(...)` (line 4), the mutation its verb names; emit after the mutation succeeds' }],
    },
    {
      name: "direct emit in a Temporal activity before the member add",
      file: "temporal/groups/activities.ts",
      code: code`
        export async function syncGroupActivity({ workspaceId }: { workspaceId: string }) {
          const workspace = await WorkspaceResource.fetchById(workspaceId);
          void emitAuditLogEventDirect({ workspace, actor, action: "group.member_added", targets: [] });
          await group.addMembers(workspace, users);
        }
      `,
      errors: [{ line: 3, column: 8, message: '"group.member_added" is emitted before `group.addMembers(...)` (line 4), the mutation its verb names; emit after the mutation succeeds' }],
    },
  ],
});
