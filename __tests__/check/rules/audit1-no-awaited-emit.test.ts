import { audit1NoAwaitedEmit } from "../../../src/check/rules/audit1-no-awaited-emit";
import { code, runRuleTests } from "../rule-tester";

const HEADER = code`
  import type { NextApiRequest, NextApiResponse } from "next";
  import { emitAuditLogEvent, emitAuditLogEventDirect, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
`;

runRuleTests(audit1NoAwaitedEmit, {
  valid: [
    {
      name: "void emit after the Result guard in a Next.js handler",
      code: code`
        ${HEADER}
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
          switch (req.method) {
            case "DELETE": {
              const r = await space.delete(auth);
              if (r.isErr()) {
                return apiError(req, res, { status_code: 500, api_error: { type: "internal_server_error", message: r.error.message } });
              }
              void emitAuditLogEvent({ auth, action: "space.deleted", targets: [], context: getAuditLogContext(auth, req) });
              return res.status(204).end();
            }
          }
        }
      `,
    },
    {
      name: "a bare emit statement (not awaited) is not AUDIT1's business",
      code: code`
        export async function disableTrigger(workspace: WorkspaceType, trigger: TriggerResource) {
          emitAuditLogEventDirect({ workspace, actor, action: "trigger.disabled", targets: [] });
        }
      `,
    },
    {
      name: "awaited in a script that calls makeScript",
      file: "lib/backfill.ts",
      code: code`
        makeScript({}, async ({ execute }) => {
          await emitAuditLogEventDirect({ workspace, actor, action: "space.created", targets: [] });
        });
      `,
    },
    {
      name: "awaited in a migration (under migrations/)",
      file: "migrations/20260101_backfill.ts",
      code: code`
        async function main() {
          for (const space of spaces) {
            await emitAuditLogEventDirect({ workspace, actor, action: "space.created", targets: [] });
          }
        }
      `,
    },
    {
      name: "an awaited call that is not an emit",
      code: code`
        export async function update(auth: Authenticator) {
          await auditLogs.createEvent("org", event);
        }
      `,
    },
  ],
  invalid: [
    {
      name: "awaited statement in a Hono route (the fixer rewrites it)",
      file: "api/hono/spaces.ts",
      code: code`
        app.patch("/:sId", async (ctx) => {
          const auth = ctx.get("auth");
          await emitAuditLogEvent({ auth, action: "space.updated", targets: [] });
          return ctx.json({ ok: true });
        });
      `,
      errors: [{ line: 3, column: 9, message: "emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log" }],
    },
    {
      name: "returned from a helper",
      code: code`
        function auditTriggerChange(auth: Authenticator, trigger: TriggerResource): Promise<void> {
          return emitAuditLogEvent({ auth, action: "trigger.updated", targets: [] });
        }
      `,
      errors: [{ line: 2, column: 10, message: "emitAuditLogEvent is returned, so the caller waits on the audit log; emit with `void` and return separately", fixer: null }],
    },
    {
      name: "arrow body returns the emit",
      code: code`
        const audit = (auth: Authenticator) => emitAuditLogEvent({ auth, action: "space.created", targets: [] });
      `,
      errors: [{ line: 1, column: 40, message: "emitAuditLogEvent is returned, so the caller waits on the audit log; emit with `void` and return separately", fixer: null }],
    },
    {
      name: "assigned, chained and passed to Promise.all in one handler",
      code: code`
        export async function handler(req: NextApiRequest, res: NextApiResponse) {
          const pending = emitAuditLogEvent({ auth, action: "space.created", targets: [] });
          emitAuditLogEvent({ auth, action: "space.updated", targets: [] }).catch(() => {});
          await Promise.all([emitAuditLogEventDirect({ workspace, actor, action: "space.deleted", targets: [] }), pending]);
          return res.status(200).json({});
        }
      `,
      errors: [
        { line: 2, column: 19, message: "emitAuditLogEvent result is assigned; emit with `void` as a statement", fixer: null },
        { line: 3, column: 3, message: "emitAuditLogEvent is chained with .catch(); emit with `void` as a statement", fixer: null },
        { line: 4, column: 22, message: "emitAuditLogEventDirect is passed to Promise.all; emit with `void` outside it", fixer: null },
      ],
    },
    {
      name: "awaited inside an expression",
      code: code`
        export async function handler(req: NextApiRequest, res: NextApiResponse) {
          const ok = (await emitAuditLogEvent({ auth, action: "space.created", targets: [] })) === undefined;
        }
      `,
      errors: [{ line: 2, column: 21, message: "emitAuditLogEvent is awaited inside an expression; emit with `void` as a statement", fixer: null }],
    },
    {
      name: "scripts are exempt from the await only: a returned emit is still reported",
      file: "scripts/relocate.ts",
      code: code`
        function audit(workspace: WorkspaceType) {
          return emitAuditLogEventDirect({ workspace, actor, action: "space.updated", targets: [] });
        }
      `,
      errors: [{ line: 2, column: 10, message: "emitAuditLogEventDirect is returned, so the caller waits on the audit log; emit with `void` and return separately", fixer: null }],
    },
  ],
});
