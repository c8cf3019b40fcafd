import { audit3RegisteredAction } from "../../../src/check/rules/audit3-registered-action";
import { code, diagnoseProject, projectFromTexts, projectWith, runRuleTests, schemaFacts } from "../rule-tester";

const project = projectWith(["space.created", "space.deleted"], [schemaFacts("space.created", ["workspace", "space"]), schemaFacts("space.deleted", ["workspace", "space"])]);

runRuleTests(audit3RegisteredAction, {
  project,
  valid: [
    {
      name: "a registered action with a schema",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
          const space = await SpaceResource.makeNew(auth, body);
          void emitAuditLogEvent({ auth, action: "space.created", targets: [], context: getAuditLogContext(auth, req) });
          return res.status(201).json({ space: space.toJSON() });
        }
      `,
    },
    {
      name: "an unreadable registry claims nothing",
      project: projectWith(null),
      code: code`
        void emitAuditLogEvent({ auth, action: "space.archived", targets: [] });
      `,
    },
  ],
  invalid: [
    {
      name: "an unregistered action cast past tsc, in a Hono route",
      file: "api/hono/api_keys.ts",
      code: code`
        app.post("/:sId/rotate", async (ctx) => {
          const auth = ctx.get("auth");
          void emitAuditLogEvent({
            auth,
            action: \`api_key.rotated\`,
            targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace())],
          });
          return ctx.json({ ok: true });
        });
      `,
      errors: [
        {
          line: 5,
          column: 13,
          message: 'action "api_key.rotated" is not registered in lib/api/audit/workos_audit.ts and has no schema admin/audit_log_schemas/api_key.rotated.json; add it with `auditmod add-event api_key.rotated`',
        },
      ],
    },
    {
      name: "an unregistered action whose schema exists",
      project: projectWith(["space.created"], [schemaFacts("space.archived", ["workspace", "space"])]),
      code: code`
        void emitAuditLogEventDirect({ workspace, actor, action: "space.archived", targets: [] });
      `,
      errors: [{ line: 1, column: 58, message: 'action "space.archived" is not registered in lib/api/audit/workos_audit.ts; add it with `auditmod add-event space.archived`' }],
    },
    {
      name: "the add-event hint carries the emit's target types and metadata keys; a badly named action gets none",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
          void emitAuditLogEvent({
            auth,
            action: "space.moved",
            targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace()), buildAuditLogTarget("space", space), { type: "space", id: parent.sId, name: parent.name }, { type: "folder", id: folder.sId, name: folder.name }],
            metadata: { previous_parent: String(previous.sId), depth },
          });
          void emitAuditLogEvent({ auth, action: "space.move", targets: [] });
        }
      `,
      errors: [
        {
          line: 4,
          column: 13,
          message:
            'action "space.moved" is not registered in lib/api/audit/workos_audit.ts and has no schema admin/audit_log_schemas/space.moved.json; add it with `auditmod add-event space.moved --target space --target folder --meta previous_parent --meta depth`',
        },
        { line: 8, column: 42, message: 'action "space.move" is not registered in lib/api/audit/workos_audit.ts and has no schema admin/audit_log_schemas/space.move.json' },
      ],
    },
    {
      name: "a computed action is reported once as info",
      code: code`
        export async function audit(auth: Authenticator, kind: "created" | "deleted") {
          void emitAuditLogEvent({ auth, action: \`space.\${kind}\`, targets: [] });
          void emitAuditLogEvent(params);
        }
      `,
      errors: [
        { line: 2, column: 8, severity: "info", fixer: null, message: "the action is not a string literal: cannot check statically (AUDIT3)" },
        { line: 3, column: 8, severity: "info", fixer: null, message: "the event is not an object literal: cannot check statically (AUDIT3)" },
      ],
    },
  ],
});

const REGISTRY = code`
  export type AuditAction =
    // ---- spaces ----
    | "space.created"
    | 'space.deleted'
    // ---- api keys ----
    | "api_key.created";
`;

const schema = (action: string) => `${JSON.stringify({ action, targets: [{ type: "workspace" }], metadata: {} }, null, 2)}\n`;

describe("AUDIT3 on the registry and the schema files", () => {
  it("reports a registered action without a schema at its entry, and a schema without a registered action", () => {
    const p = projectFromTexts(REGISTRY, { "space.created.json": schema("space.created"), "space.deleted.json": schema("space.deleted"), "space.moved.json": schema("space.moved") });
    expect(diagnoseProject(audit3RegisteredAction, p)).toEqual([
      { file: "admin/audit_log_schemas/space.moved.json", line: 2, column: 13, rule: "AUDIT3", severity: "error", message: 'schema of "space.moved" has no registered action in lib/api/audit/workos_audit.ts', fixer: null },
      { file: "lib/api/audit/workos_audit.ts", line: 6, column: 5, rule: "AUDIT3", severity: "error", message: 'action "api_key.created" is registered but has no schema admin/audit_log_schemas/api_key.created.json; write it with `auditmod add-event api_key.created --target <type> --meta <key>`', fixer: null },
    ]);
  });

  it("reports a schema file named after another action than it declares", () => {
    const p = projectFromTexts(REGISTRY, { "space.created.json": schema("space.created"), "space.deleted.json": schema("space.removed"), "api_key.created.json": schema("api_key.created") });
    expect(diagnoseProject(audit3RegisteredAction, p)).toEqual([
      {
        file: "admin/audit_log_schemas/space.deleted.json",
        line: 2,
        column: 13,
        rule: "AUDIT3",
        severity: "error",
        message: 'schema admin/audit_log_schemas/space.deleted.json declares action "space.removed"; the schema of "space.removed" is admin/audit_log_schemas/space.removed.json',
        fixer: null,
      },
    ]);
  });

  it("reports a registry it cannot read, and then nothing about entries", () => {
    const p = projectFromTexts("export type AuditAction = string;\n");
    expect(diagnoseProject(audit3RegisteredAction, p)).toEqual([
      {
        file: "lib/api/audit/workos_audit.ts",
        line: 1,
        column: 27,
        rule: "AUDIT3",
        severity: "error",
        message:
          'cannot read the action registry: `type AuditAction = string` is not a registry layout; expected `export type AuditAction = "space.created" | ...` (a union of string literals), `export type AuditAction = (typeof AUDIT_ACTIONS)[number]` over `const AUDIT_ACTIONS = [...] as const`, or `export type AuditAction = never`',
        fixer: null,
      },
    ]);
  });

  it("reports a schema that is not valid JSON as AUDIT3, and one declaring a number as AUDIT5 (not AUDIT3)", () => {
    const p = projectFromTexts('export type AuditAction = "space.created" | "space.updated";\n', {
      "space.created.json": '{\n  "action": "space.created",\n  "targets": [{ "type": "workspace" }],\n}\n',
      "space.updated.json": '{\n  "action": "space.updated",\n  "targets": [{ "type": "workspace" }],\n  "metadata": { "count": "number" }\n}\n',
    });
    expect(diagnoseProject(audit3RegisteredAction, p)).toEqual([
      { file: "admin/audit_log_schemas/space.created.json", line: 4, column: 1, rule: "AUDIT3", severity: "error", message: "not valid JSON: expected a property name in double quotes, found `}`", fixer: null },
    ]);
  });
});
