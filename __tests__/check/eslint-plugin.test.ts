import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Linter, RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import plugin from "../../src/eslint-plugin";
import * as projectModule from "../../src/check/project";
import { RULES } from "../../src/check/rules";

// A front root in the repository (ESLint lints files below its working folder): registry and schemas on disk, read as `check` reads them.
const ROOT = path.join(__dirname, "data", "eslint-front");
const REGISTRY_FILE = path.join(ROOT, "lib/api/audit/workos_audit.ts");
const REGISTRY = fs.readFileSync(REGISTRY_FILE, "utf8");

const NEXT_FILE = path.join(ROOT, "pages/api/w/[wId]/spaces/[spaceId]/index.ts");
const HONO_FILE = path.join(ROOT, "api/hono/keys.ts");
const IMPORTS = 'import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";';
const WS = "buildWorkspaceTarget(auth.getNonNullableWorkspace())";
const SPACE = '{ type: "space", id: space.sId, name: space.name }';

/** A Next.js DELETE handler whose emit comes after the mutation's guard. */
function nextHandler(emitLines: string[], imports = IMPORTS): string {
  return [
    imports,
    "",
    "async function handler(req: NextApiRequest, res: NextApiResponse<WithAPIErrorResponse<void>>, auth: Authenticator) {",
    "  switch (req.method) {",
    '    case "DELETE": {',
    "      const deleteRes = await space.delete(auth);",
    "      if (deleteRes.isErr()) {",
    '        return apiError(req, res, { status_code: 500, api_error: { type: "internal_server_error", message: deleteRes.error.message } });',
    "      }",
    ...emitLines.map((l) => `      ${l}`),
    "      return res.status(204).end();",
    "    }",
    "  }",
    "}",
    "",
  ].join("\n");
}

const emitLines = (parts: { action?: string; targets?: string; context?: string | null; metadata?: string }) => [
  "void emitAuditLogEvent({",
  "  auth,",
  `  action: "${parts.action ?? "space.deleted"}",`,
  `  targets: [${parts.targets ?? `${WS}, ${SPACE}`}],`,
  ...(parts.context === null ? [] : [`  context: ${parts.context ?? "getAuditLogContext(auth, req)"},`]),
  `  metadata: { ${parts.metadata ?? "space_kind: String(space.kind)"} },`,
  "});",
];

const CLEAN = nextHandler(emitLines({}));

/** A Hono route that revokes a key, with the emit given. */
const honoRoute = (emit: string) =>
  [
    IMPORTS,
    "",
    'app.post("/:keyId/revoke", async (ctx) => {',
    '  const auth = ctx.get("auth");',
    "  const result = await ApiKeyResource.revoke(auth, key);",
    "  if (result.isErr()) {",
    '    return apiErrorForHono(ctx, { status_code: 400, api_error: { type: "invalid_request_error", message: result.error.message } });',
    "  }",
    emit,
    "  return ctx.body(null, 204);",
    "});",
    "",
  ].join("\n");
const HONO_EMIT = `  EMIT({ auth, action: "api_key.revoked", targets: [${WS}, { type: "api_key", id: key.sId, name: key.name }], context: getAuditLogContext(auth), metadata: { key_name: key.name } });`;

const ACTIVITY_FILE = path.join(ROOT, "temporal/agent_schedule/activities.ts");
/** A Temporal activity that runs an agent a user scheduled, with the direct emit's actor given. */
const scheduledActivity = (actor: string) =>
  [
    'import { buildWorkspaceTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";',
    "",
    "export async function runScheduledAgentActivity(workspaceId: string, userId: string) {",
    "  const workspace = await getWorkspaceInfos(workspaceId);",
    "  void emitAuditLogEventDirect({",
    "    workspace,",
    `    actor: ${actor},`,
    '    action: "space.deleted",',
    "    targets: [buildWorkspaceTarget(workspace)],",
    '    context: { location: "internal" },',
    "  });",
    "}",
    "",
  ].join("\n");
const AUDIT2_MESSAGE =
  "AUDIT2: emitAuditLogEventDirect reports a system actor although the user id `userId` is in scope; emit as that user: `void emitAuditLogEvent({ auth: await Authenticator.fromUserIdAndWorkspaceId(userId, workspace.sId), ... })`";

type Invalid = RuleTester.InvalidTestCase;
const valid = (code: string, filename = NEXT_FILE): RuleTester.ValidTestCase => ({ code, filename });

/** One table per check rule: the same findings as `check`, each message led by its AUDIT id; fixes from the fixer cores. */
const TABLES: Record<string, { valid: RuleTester.ValidTestCase[]; invalid: Invalid[] }> = {
  "audit1-no-awaited-emit": {
    valid: [valid(CLEAN), valid(honoRoute(HONO_EMIT.replace("EMIT", "void emitAuditLogEvent")), HONO_FILE)],
    invalid: [
      {
        code: honoRoute(HONO_EMIT.replace("EMIT", "await emitAuditLogEvent")),
        filename: HONO_FILE,
        errors: [{ message: "AUDIT1: emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log", line: 9, column: 9 }],
        output: honoRoute(HONO_EMIT.replace("EMIT", "void emitAuditLogEvent")),
      },
      {
        // CRLF kept: the fixer core runs on the text as the engine does.
        code: honoRoute(HONO_EMIT.replace("EMIT", "await emitAuditLogEvent")).replace(/\n/g, "\r\n"),
        filename: HONO_FILE,
        errors: [{ message: "AUDIT1: emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log", line: 9, column: 9 }],
        output: honoRoute(HONO_EMIT.replace("EMIT", "void emitAuditLogEvent")).replace(/\n/g, "\r\n"),
      },
      {
        code: honoRoute(HONO_EMIT.replace("  EMIT", "  return emitAuditLogEvent")),
        filename: HONO_FILE,
        errors: [{ message: "AUDIT1: emitAuditLogEvent is returned, so the caller waits on the audit log; emit with `void` and return separately", line: 9, column: 10 }],
        output: null,
      },
    ],
  },
  "audit2-human-actor": {
    valid: [valid(CLEAN), valid(scheduledActivity('{ type: "user", id: userId, name: "Scheduled run" }'), ACTIVITY_FILE)],
    invalid: [
      {
        code: scheduledActivity('{ type: "system", id: "temporal", name: "Agent Scheduler" }'),
        filename: ACTIVITY_FILE,
        errors: [{ message: AUDIT2_MESSAGE, line: 7, column: 12 }],
        output: null,
      },
    ],
  },
  "audit3-registered-action": {
    // A computed action is `check`'s info ("cannot check statically"): ESLint, which has no info level, says nothing.
    valid: [valid(CLEAN), valid(nextHandler(emitLines({}).map((l) => l.replace('action: "space.deleted"', "action: actionFor(space)"))))],
    invalid: [
      {
        code: nextHandler(emitLines({ action: "space.archived" })),
        filename: NEXT_FILE,
        errors: [{ message: 'AUDIT3: action "space.archived" is not registered in lib/api/audit/workos_audit.ts and has no schema admin/audit_log_schemas/space.archived.json; add it with `auditmod add-event space.archived --target space --meta space_kind`', line: 12, column: 17 }],
      },
      {
        code: REGISTRY,
        filename: REGISTRY_FILE,
        errors: [{ message: "AUDIT3: action \"api_key.created\" is registered but has no schema admin/audit_log_schemas/api_key.created.json; write it with `auditmod add-event api_key.created --target <type> --meta <key>`", line: 6, column: 5 }],
      },
    ],
  },
  "audit4-emit-after-mutation": {
    valid: [valid(CLEAN)],
    invalid: [
      {
        code: CLEAN.replace(/( {6}const deleteRes = await space\.delete\(auth\);\n)((?: {6}if[^]*?\n {6}\}\n))((?: {6}void emitAuditLogEvent[^]*?\n {6}\}\);\n))/, "$3$1$2"),
        filename: NEXT_FILE,
        errors: [{ message: "AUDIT4: \"space.deleted\" is emitted before `space.delete(...)` (line 13), the mutation its verb names; emit after the mutation succeeds", line: 6, column: 12 }],
      },
    ],
  },
  "audit5-string-metadata": {
    valid: [valid(CLEAN)],
    invalid: [
      {
        code: nextHandler(emitLines({ metadata: "space_kind: space.members.length" })),
        filename: NEXT_FILE,
        errors: [{ message: "AUDIT5: metadata \"space_kind\" is `space.members.length`, not a string; wrap it in String(...)", line: 15, column: 33 }],
        output: nextHandler(emitLines({ metadata: "space_kind: String(space.members.length)" })),
      },
    ],
  },
  "audit6-request-context": {
    valid: [valid(CLEAN), valid(honoRoute(HONO_EMIT.replace("EMIT", "void emitAuditLogEvent")), HONO_FILE)],
    invalid: [
      {
        code: nextHandler(emitLines({ context: "getAuditLogContext(auth)" })),
        filename: NEXT_FILE,
        errors: [{ message: "AUDIT6: getAuditLogContext omits the Next.js request `req` that is in scope; pass `getAuditLogContext(auth, req)`", line: 14, column: 18 }],
        output: CLEAN,
      },
      {
        code: nextHandler(emitLines({ context: null }), IMPORTS.replace(", getAuditLogContext", "")),
        filename: NEXT_FILE,
        errors: [{ message: "AUDIT6: emitAuditLogEvent has no context while the Next.js request `req` is in scope; pass `context: getAuditLogContext(auth, req)`", line: 10, column: 12 }],
        output: CLEAN,
      },
    ],
  },
  "audit7-workspace-target-first": {
    valid: [valid(CLEAN)],
    invalid: [
      {
        code: nextHandler(emitLines({ targets: `${SPACE}, ${WS}` })),
        filename: NEXT_FILE,
        errors: [{ message: "AUDIT7: the workspace target is target 2 of 2; it must be the first target", line: 13, column: 71 }],
        output: CLEAN,
      },
      {
        code: nextHandler(emitLines({ targets: SPACE }), IMPORTS.replace("buildWorkspaceTarget, ", "")),
        filename: NEXT_FILE,
        errors: [{ message: "AUDIT7: targets have no workspace target; the workspace must be the first target", line: 13, column: 18 }],
        output: CLEAN,
      },
    ],
  },
  "audit8-action-name": {
    valid: [valid(CLEAN)],
    invalid: [{ code: nextHandler(emitLines({ action: "space.archive" })), filename: NEXT_FILE, errors: [{ message: 'AUDIT8: action "space.archive" has a verb "archive" that is not in the past tense; actions are named <resource>.<verb>: singular lower-case resource, past-tense verb, snake case (space.created, api_key.revoked, user.login_failed)', line: 12, column: 17 }] }],
  },
  "audit9-snake-case-metadata-keys": {
    valid: [valid(CLEAN)],
    invalid: [{ code: nextHandler(emitLines({ metadata: "spaceKind: String(space.kind)" })), filename: NEXT_FILE, errors: [{ message: 'AUDIT9: metadata key "spaceKind" is not snake case; metadata keys are lower snake case (space_kind, member_count)', line: 15, column: 21 }] }],
  },
  "audit10-emit-matches-schema": {
    valid: [valid(CLEAN)],
    invalid: [
      {
        code: nextHandler(emitLines({ metadata: "space_kind: String(space.kind), space_name: space.name" })),
        filename: NEXT_FILE,
        errors: [{ message: 'AUDIT10: metadata differs from admin/audit_log_schemas/space.deleted.json: extra "space_name"', line: 15, column: 53 }],
      },
    ],
  },
};

const ruleTester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

describe("auditmod/eslint-plugin rules", () => {
  it("has one ESLint rule per check rule, named after it", () => {
    expect(Object.keys(plugin.rules)).toEqual(RULES.map((r) => `${r.id.toLowerCase()}-${r.name}`));
    expect(Object.keys(TABLES)).toEqual(Object.keys(plugin.rules));
  });
  for (const [name, table] of Object.entries(TABLES)) ruleTester.run(name, plugin.rules[name], table);
});

describe("configs.recommended", () => {
  it("lints .ts/.tsx files alone (plugin, parser, rules at check severity) and reads the registry and schemas once per run", () => {
    plugin.clearProjectCache();
    const readProject = jest.spyOn(projectModule, "readProject");
    const { recommended } = plugin.configs;
    expect(recommended.files).toEqual(["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"]);
    // Every check rule, at its check severity (ESLint has no "info": warnings and infos are "warn").
    expect(recommended.rules).toEqual(Object.fromEntries(RULES.map((r) => [`auditmod/${r.id.toLowerCase()}-${r.name}`, r.severity === "error" ? "error" : "warn"])));
    expect(recommended.rules!["auditmod/audit4-emit-after-mutation"]).toBe("warn");
    expect(recommended.rules!["auditmod/audit1-no-awaited-emit"]).toBe("error");
    const linter = new Linter();
    const lint = (code: string, file: string) => linter.verify(code, [recommended], { filename: file }).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity}`);
    expect(lint(nextHandler(emitLines({ targets: SPACE, context: "getAuditLogContext(auth)" })), NEXT_FILE)).toEqual([
      "13:18 auditmod/audit7-workspace-target-first 2",
      "14:18 auditmod/audit6-request-context 2",
    ]);
    // `key_name: key.name` is AUDIT5 info in `check` (only the types can tell): ESLint, which has no info level, says nothing.
    expect(lint(honoRoute(HONO_EMIT.replace("EMIT", "await emitAuditLogEvent")), HONO_FILE.replace(/\.ts$/, ".tsx"))).toEqual(["9:9 auditmod/audit1-no-awaited-emit 2"]);
    expect(lint(CLEAN, path.join(ROOT, "pages/api/w/[wId]/spaces/index.ts"))).toEqual([]);
    expect(readProject).toHaveBeenCalledTimes(1);
    readProject.mockRestore();
  });

  it("reads the registry and schemas again once they change (an editor's ESLint lives long)", () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-eslint-")));
    try {
      fs.mkdirSync(path.join(root, "lib/api/audit"), { recursive: true });
      fs.mkdirSync(path.join(root, "admin/audit_log_schemas"), { recursive: true });
      fs.writeFileSync(path.join(root, "lib/api/audit/workos_audit.ts"), 'export type AuditAction = "space.created";\n');
      const linter = new Linter({ cwd: root });
      const file = path.join(root, "pages/api/w/[wId]/spaces/[spaceId]/index.ts");
      const lint = () => linter.verify(CLEAN, [plugin.configs.recommended], { filename: file }).map((m) => m.message);
      expect(lint()).toEqual(["AUDIT3: action \"space.deleted\" is not registered in lib/api/audit/workos_audit.ts and has no schema admin/audit_log_schemas/space.deleted.json; add it with `auditmod add-event space.deleted --target space --meta space_kind`"]);
      // A later mtime than the first read, whatever the file system's resolution.
      const later = new Date(Date.now() + 10_000);
      fs.writeFileSync(path.join(root, "admin/audit_log_schemas/space.deleted.json"), fs.readFileSync(path.join(ROOT, "admin/audit_log_schemas/space.deleted.json")));
      fs.writeFileSync(path.join(root, "lib/api/audit/workos_audit.ts"), 'export type AuditAction = "space.created" | "space.deleted";\n');
      fs.utimesSync(path.join(root, "lib/api/audit/workos_audit.ts"), later, later);
      fs.utimesSync(path.join(root, "admin/audit_log_schemas"), later, later);
      expect(lint()).toEqual([]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("knows the emit functions the audit module names otherwise, and fixes their calls", () => {
    const root = path.join(__dirname, "..", "data", "renamed-emit-front");
    const file = path.join(root, "temporal/data_retention/activities.ts");
    const linter = new Linter({ cwd: root });
    const messages = linter.verify(fs.readFileSync(file, "utf8"), [plugin.configs.recommended], { filename: file });
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([
      "18:11 auditmod/audit1-no-awaited-emit AUDIT1: emitAuditLogEventForSystem is awaited; emit with `void` so the request does not wait on the audit log",
      "22:16 auditmod/audit7-workspace-target-first AUDIT7: targets have no workspace target; the workspace must be the first target",
      "23:37 auditmod/audit5-string-metadata AUDIT5: metadata \"purged_documents\" is `purged.length`, not a string; wrap it in String(...)",
    ]);
    const fixed = linter.verifyAndFix(fs.readFileSync(file, "utf8"), [plugin.configs.recommended], { filename: file });
    expect(fixed.output).toContain("    void emitAuditLogEventForSystem({");
    expect(fixed.messages).toEqual([]);
  });

  it("says nothing about a file that lies in no front root", () => {
    const linter = new Linter();
    expect(linter.verify(honoRoute(HONO_EMIT.replace("EMIT", "await emitAuditLogEvent")), [plugin.configs.recommended], { filename: path.join(__dirname, "outside.ts") })).toEqual([]);
  });
});
