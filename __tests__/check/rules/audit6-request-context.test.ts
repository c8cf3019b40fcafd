import { audit6RequestContext } from "../../../src/check/rules/audit6-request-context";
import { code, runRuleTests } from "../rule-tester";

runRuleTests(audit6RequestContext, {
  valid: [
    {
      name: "getAuditLogContext(auth, req) in a Next.js handler",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse<WithAPIErrorResponse<PostSpaceResponse>>, auth: Authenticator) {
          switch (req.method) {
            case "POST": {
              const space = await SpaceResource.makeNew(auth, req.body);
              void emitAuditLogEvent({ auth, action: "space.created", targets: [], context: getAuditLogContext(auth, req) });
              return res.status(201).json({ space: space.toJSON() });
            }
          }
        }
      `,
    },
    {
      name: "getAuditLogContext(auth) in a Hono route: no Next.js request in scope",
      file: "api/hono/spaces.ts",
      code: code`
        app.post("/", async (ctx) => {
          const auth = ctx.get("auth");
          void emitAuditLogEvent({ auth, action: "space.created", targets: [], context: getAuditLogContext(auth) });
          return ctx.json({});
        });
      `,
    },
    {
      name: "no context in lib code",
      file: "lib/api/members.ts",
      code: code`
        export async function updateRole(auth: Authenticator, membership: MembershipResource, role: string) {
          void emitAuditLogEvent({ auth, action: "membership.role_updated", targets: [] });
          return new Ok(undefined);
        }
      `,
    },
    {
      name: "a direct emit is not judged here",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse) {
          void emitAuditLogEventDirect({ workspace, actor, action: "user.logged_out", targets: [] });
          return res.status(200).end();
        }
      `,
    },
    {
      name: "a context held in a variable is not judged",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
          const context = getAuditLogContext(auth, req);
          void emitAuditLogEvent({ auth, action: "space.created", targets: [], context });
          return res.status(201).end();
        }
      `,
    },
  ],
  invalid: [
    {
      name: "no context where req is in scope (switch handler)",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
          switch (req.method) {
            case "POST": {
              void emitAuditLogEvent({ auth, action: "group.member_added", targets: [] });
              return res.status(200).json({});
            }
          }
        }
      `,
      errors: [{ line: 4, column: 12, message: "emitAuditLogEvent has no context while the Next.js request `req` is in scope; pass `context: getAuditLogContext(auth, req)`" }],
    },
    {
      name: "getAuditLogContext(auth) omits the request, which is named request here",
      code: code`
        export default withSessionAuthenticationForWorkspace(async (request: NextApiRequest, res: NextApiResponse, auth: Authenticator) => {
          try {
            await space.update(auth, request.body);
          } catch (err) {
            return apiError(request, res, { status_code: 500, api_error: { type: "internal_server_error", message: "update failed" } });
          }
          void emitAuditLogEvent({
            auth,
            action: "space.updated",
            targets: [],
            context: getAuditLogContext(auth),
          });
          return res.status(200).json({});
        });
      `,
      errors: [{ line: 11, column: 14, message: "getAuditLogContext omits the Next.js request `request` that is in scope; pass `getAuditLogContext(auth, request)`" }],
    },
  ],
});
