import { audit8ActionName } from "../../../src/check/rules/audit8-action-name";
import { code, diagnoseProject, projectFromTexts, projectWith, runRuleTests } from "../rule-tester";

const RULE_TEXT = "actions are named <resource>.<verb>: singular lower-case resource, past-tense verb, snake case (space.created, api_key.revoked, user.login_failed)";

runRuleTests(audit8ActionName, {
  project: projectWith(["space.created", "Space.Deleted"]),
  valid: [
    {
      name: "well-named actions, a failure event and an established session event",
      code: code`
        void emitAuditLogEvent({ auth, action: "space.created", targets: [] });
        void emitAuditLogEventDirect({ workspace, actor, action: "user.login_failed", targets: [] });
        void emitAuditLogEventDirect({ workspace, actor, action: "user.login", targets: [] });
      `,
    },
    {
      name: "a badly named action that is registered is reported at the registry, not at each emit",
      code: code`
        void emitAuditLogEvent({ auth, action: "Space.Deleted", targets: [] });
      `,
    },
  ],
  invalid: [
    {
      name: "a present-tense verb cast past tsc in a Hono route",
      file: "api/hono/spaces.ts",
      code: code`
        app.post("/:sId/archive", async (ctx) => {
          const auth = ctx.get("auth");
          const result = await space.archive(auth);
          if (result.isErr()) {
            return apiErrorForHono(ctx, { status_code: 400, api_error: { type: "invalid_request_error", message: result.error.message } });
          }
          void emitAuditLogEvent({ auth, action: \`space.archive\`, targets: [] });
          return ctx.json({ space: space.toJSON() });
        });
      `,
      errors: [{ line: 7, column: 42, message: `action "space.archive" has a verb "archive" that is not in the past tense; ${RULE_TEXT}` }],
    },
    {
      name: "a plural resource and a name without a verb",
      code: code`
        void emitAuditLogEvent({ auth, action: "spaces.created", targets: [] });
        void emitAuditLogEvent({ auth, action: "space_created", targets: [] });
      `,
      errors: [
        { line: 1, column: 40, message: `action "spaces.created" has a plural resource "spaces"; ${RULE_TEXT}` },
        { line: 2, column: 40, message: `action "space_created" is not <resource>.<verb> (exactly one dot between two names); ${RULE_TEXT}` },
      ],
    },
  ],
});

describe("AUDIT8 on the registry", () => {
  it("reports each badly named entry once, at the entry", () => {
    const p = projectFromTexts(code`
      export const AUDIT_ACTIONS = [
        "space.created",
        "apiKey.created",
        "trigger.disable",
      ] as const;
      export type AuditAction = (typeof AUDIT_ACTIONS)[number];
    `);
    expect(diagnoseProject(audit8ActionName, p)).toEqual([
      { file: "lib/api/audit/workos_audit.ts", line: 3, column: 3, rule: "AUDIT8", severity: "error", message: `action "apiKey.created" has a resource "apiKey" that is not lower snake case; ${RULE_TEXT}`, fixer: null },
      { file: "lib/api/audit/workos_audit.ts", line: 4, column: 3, rule: "AUDIT8", severity: "error", message: `action "trigger.disable" has a verb "disable" that is not in the past tense; ${RULE_TEXT}`, fixer: null },
    ]);
  });
});
