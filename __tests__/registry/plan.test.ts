import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadConfig } from "../../src/config/config";
import { describeRegistration, planRegistration } from "../../src/registry/plan";
import { schemaReminder } from "../../src/registry/reminder";

const REGISTRY = `import type { Authenticator } from "@app/lib/auth";

export type AuditAction =
  // ---- spaces ----
  | "space.created"
  // ---- groups ----
  | "group.member_added";

export function actionOf(_auth: Authenticator, action: AuditAction): AuditAction {
  return action;
}
`;

const SPACE_CREATED_SCHEMA = `{
  "action": "space.created",
  "targets": [
    {
      "type": "workspace"
    },
    {
      "type": "space"
    }
  ]
}
`;

function makeRoot(files: Record<string, string | Buffer>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-plan-")));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

/** Every file under root with its content: a plan must leave them all as they were. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else out[path.relative(root, abs)] = fs.readFileSync(abs, "latin1");
    }
  };
  walk(root);
  return out;
}

describe("planRegistration", () => {
  it("registers a new action next to its resource and creates its schema, writing nothing itself", () => {
    const root = makeRoot({ "lib/api/audit/workos_audit.ts": REGISTRY, "admin/audit_log_schemas/space.created.json": SPACE_CREATED_SCHEMA });
    const before = snapshot(root);
    const config = loadConfig(root);
    const plan = planRegistration(config, [{ action: "space.archived", targets: ["space"], metadata: ["space_kind"] }]);
    expect(plan.findings).toEqual([]);
    expect(plan.registryError).toBeNull();
    expect(plan.edits).toEqual([
      { file: "lib/api/audit/workos_audit.ts", before: REGISTRY, after: REGISTRY.replace('  | "space.created"\n', '  | "space.created"\n  | "space.archived"\n') },
      {
        file: "admin/audit_log_schemas/space.archived.json",
        before: null,
        after: '{\n  "action": "space.archived",\n  "targets": [\n    {\n      "type": "workspace"\n    },\n    {\n      "type": "space"\n    }\n  ],\n  "metadata": {\n    "space_kind": "string"\n  }\n}\n',
      },
    ]);
    expect(plan.changedActions).toEqual(["space.archived"]);
    expect(plan.actions).toEqual([{ action: "space.archived", registered: true, schemaFile: "admin/audit_log_schemas/space.archived.json", schema: "created", added: [] }]);
    expect(snapshot(root)).toEqual(before);
  });

  it("merges a registered action's existing schema and leaves the registry alone", () => {
    const root = makeRoot({ "lib/api/audit/workos_audit.ts": REGISTRY, "admin/audit_log_schemas/space.created.json": SPACE_CREATED_SCHEMA });
    const plan = planRegistration(loadConfig(root), [{ action: "space.created", targets: ["space"], metadata: ["space_kind"] }]);
    expect(plan.edits.map((e) => e.file)).toEqual(["admin/audit_log_schemas/space.created.json"]);
    expect(plan.edits[0].before).toBe(SPACE_CREATED_SCHEMA);
    expect(JSON.parse(plan.edits[0].after)).toEqual({ action: "space.created", targets: [{ type: "workspace" }, { type: "space" }], metadata: { space_kind: "string" } });
    expect(plan.actions).toEqual([{ action: "space.created", registered: false, schemaFile: "admin/audit_log_schemas/space.created.json", schema: "merged", added: ["metadata space_kind"] }]);
    expect(plan.changedActions).toEqual(["space.created"]);
  });

  it("plans nothing when the action and its schema are complete", () => {
    const root = makeRoot({ "lib/api/audit/workos_audit.ts": REGISTRY, "admin/audit_log_schemas/space.created.json": SPACE_CREATED_SCHEMA });
    const plan = planRegistration(loadConfig(root), [{ action: "space.created", targets: ["space"], metadata: [] }]);
    expect(plan).toEqual({
      edits: [],
      findings: [],
      changedActions: [],
      registryError: null,
      actions: [{ action: "space.created", registered: false, schemaFile: "admin/audit_log_schemas/space.created.json", schema: "unchanged", added: [] }],
      idle: [],
    });
  });

  it("keeps a CRLF registry's line endings and BOM", () => {
    const crlf = `\ufeff${REGISTRY.replace(/\n/g, "\r\n")}`;
    const root = makeRoot({ "lib/api/audit/workos_audit.ts": Buffer.from(crlf, "utf8") });
    const plan = planRegistration(loadConfig(root), [{ action: "group.member_removed", targets: ["group", "user"], metadata: [] }]);
    expect(plan.edits[0]).toEqual({
      file: "lib/api/audit/workos_audit.ts",
      before: crlf,
      after: crlf.replace('  | "group.member_added";\r\n', '  | "group.member_added"\r\n  | "group.member_removed";\r\n'),
    });
  });

  it("one registration per action when several steps name it: targets and keys united", () => {
    const root = makeRoot({ "lib/api/audit/workos_audit.ts": REGISTRY });
    const plan = planRegistration(loadConfig(root), [
      { action: "group.deleted", targets: ["group"], metadata: ["member_count"] },
      { action: "group.deleted", targets: ["group", "user"], metadata: ["reason"] },
    ]);
    expect(plan.edits.map((e) => e.file)).toEqual(["lib/api/audit/workos_audit.ts", "admin/audit_log_schemas/group.deleted.json"]);
    expect(plan.edits[0].after).toContain('  | "group.member_added"\n  | "group.deleted";\n');
    expect(JSON.parse(plan.edits[1].after)).toEqual({
      action: "group.deleted",
      targets: [{ type: "workspace" }, { type: "group" }, { type: "user" }],
      metadata: { member_count: "string", reason: "string" },
    });
  });

  it("follows the registry and schemas folder of auditmod.config.json", () => {
    const root = makeRoot({ "auditmod.config.json": '{ "registry": "src/audit/actions.ts", "schemasDir": "audit/schemas" }', "src/audit/actions.ts": "export type AuditAction = never;\n" });
    const plan = planRegistration(loadConfig(root), [{ action: "user.invited", targets: ["user"], metadata: [] }]);
    expect(plan.edits.map((e) => [e.file, e.after.split("\n")[0]])).toEqual([
      ["src/audit/actions.ts", 'export type AuditAction = "user.invited";'],
      ["audit/schemas/user.invited.json", "{"],
    ]);
  });

  describe("names: registered ones are facts, new ones breaking AUDIT8/AUDIT9 are warned with the conforming name", () => {
    const LEGACY_REGISTRY = REGISTRY.replace('  | "group.member_added";', '  | "group.member_added"\n  | "credentials.created"\n  | "frame.deleted_admin";');
    const MEMBER_SCHEMA = '{\n  "action": "group.member_added",\n  "targets": [{ "type": "workspace" }],\n  "metadata": { "previousRole": "string" }\n}\n';
    const origin = { file: "batch.yaml", step: "steps[0].instrument", action: { line: 3, column: 7 }, metadata: { previousRole: { line: 6, column: 19 }, spaceKind: { line: 6, column: 19 } } };
    const RULE8 = "actions are named <resource>.<verb>: singular lower-case resource, past-tense verb, snake case (space.created, api_key.revoked, user.login_failed)";
    const RULE9 = "metadata keys are lower snake case (space_kind, member_count)";
    const root = makeRoot({ "lib/api/audit/workos_audit.ts": LEGACY_REGISTRY, "admin/audit_log_schemas/group.member_added.json": MEMBER_SCHEMA });

    it.each([
      ["a registered legacy action", { action: "credentials.created", targets: [], metadata: [] }, []],
      ["another registered legacy action", { action: "frame.deleted_admin", targets: [], metadata: [] }, []],
      ["a camelCase key its schema declares", { action: "group.member_added", targets: [], metadata: ["previousRole"] }, []],
      [
        "a new plural action",
        { action: "spaces.created", targets: [], metadata: [] },
        [`batch.yaml:3:7 warning [names] steps[0].instrument.action: AUDIT8: action "spaces.created" has a plural resource "spaces"; ${RULE8}; it is not in lib/api/audit/workos_audit.ts yet, so it can still be named "space.created" (the run goes on with "spaces.created")`],
      ],
      [
        "a new action whose verb is not last",
        { action: "space.deleted_admin", targets: [], metadata: [] },
        [`batch.yaml:3:7 warning [names] steps[0].instrument.action: AUDIT8: action "space.deleted_admin" has a verb "deleted_admin" that is not in the past tense; ${RULE8}; it is not in lib/api/audit/workos_audit.ts yet, so it can still be named "space.admin_deleted" (the run goes on with "space.deleted_admin")`],
      ],
      [
        "a camelCase key the schema does not declare",
        { action: "group.member_added", targets: [], metadata: ["spaceKind"] },
        [`batch.yaml:6:19 warning [names] steps[0].instrument.metadata.spaceKind: AUDIT9: metadata key "spaceKind" is not snake case; ${RULE9}; admin/audit_log_schemas/group.member_added.json does not declare it yet, so it can still be named "space_kind" (the run goes on with "spaceKind")`],
      ],
      [
        "a registered action's own camelCase key on a new action",
        { action: "space.archived", targets: [], metadata: ["previousRole"] },
        [`batch.yaml:6:19 warning [names] steps[0].instrument.metadata.previousRole: AUDIT9: metadata key "previousRole" is not snake case; ${RULE9}; admin/audit_log_schemas/space.archived.json does not declare it yet, so it can still be named "previous_role" (the run goes on with "previousRole")`],
      ],
    ])("%s", (_what, event, warnings) => {
      const plan = planRegistration(loadConfig(root), [{ ...event, origin }]);
      expect(plan.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} [${f.step}] ${f.message}`)).toEqual(warnings);
      // Warned or not, the action is registered: the run goes on.
      expect(plan.actions.map((a) => a.action)).toEqual([event.action]);
      expect(plan.registryError).toBeNull();
    });

    it("names given as flags are warned without a position", () => {
      const plan = planRegistration(loadConfig(root), [{ action: "space.archive", targets: [], metadata: [] }]);
      expect(plan.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message.split(";")[0]}`)).toEqual(['command line:0:0 action: AUDIT8: action "space.archive" has a verb "archive" that is not in the past tense']);
    });
  });

  it("events that are not live add nothing: an action with none is idle, and a live one takes only its live events' names", () => {
    const root = makeRoot({ "lib/api/audit/workos_audit.ts": REGISTRY, "admin/audit_log_schemas/space.created.json": SPACE_CREATED_SCHEMA });
    const config = loadConfig(root);
    const plan = planRegistration(config, [
      { action: "group.deleted", targets: ["group"], metadata: [], live: true },
      { action: "group.deleted", targets: ["group", "user"], metadata: ["reason"], live: false },
      { action: "space.created", targets: ["space"], metadata: ["space_kind"], live: false },
      { action: "space.archived", targets: ["space"], metadata: [], live: false },
    ]);
    expect(plan.edits.map((e) => e.file)).toEqual(["lib/api/audit/workos_audit.ts", "admin/audit_log_schemas/group.deleted.json"]);
    expect(JSON.parse(plan.edits[1].after)).toEqual({ action: "group.deleted", targets: [{ type: "workspace" }, { type: "group" }] });
    expect(plan.idle).toEqual(["space.created", "space.archived"]);
    expect(describeRegistration(config, plan, null)).toEqual([
      "group.deleted: would register in lib/api/audit/workos_audit.ts; would create admin/audit_log_schemas/group.deleted.json",
      "space.created: registry and schema left as they are: no site got its emit and nothing in the run's files emits it",
      "space.archived: registry and schema left as they are: no site got its emit and nothing in the run's files emits it",
    ]);
  });

  it("reports a conflicting schema with its position, leaves it alone, and still registers the action", () => {
    const conflicting = '{\n  "action": "space.archived",\n  "metadata": { "space_kind": "number" }\n}\n';
    const root = makeRoot({ "lib/api/audit/workos_audit.ts": REGISTRY, "admin/audit_log_schemas/space.archived.json": conflicting });
    const plan = planRegistration(loadConfig(root), [{ action: "space.archived", targets: ["space"], metadata: ["space_kind"] }]);
    expect(plan.edits.map((e) => e.file)).toEqual(["lib/api/audit/workos_audit.ts"]);
    expect(plan.findings).toEqual([
      {
        file: "admin/audit_log_schemas/space.archived.json",
        line: 3,
        column: 31,
        step: "schema",
        severity: "error",
        message: 'metadata "space_kind" is declared "number"; AUDIT5: every metadata value is declared "string"',
      },
    ]);
    expect(plan.changedActions).toEqual([]);
    expect(plan.actions[0].schema).toBe("problem");
  });

  it("a missing registry blocks everything: no edits, one error naming the file and what was expected", () => {
    const root = makeRoot({ "pages/api/index.ts": "export {};\n" });
    const plan = planRegistration(loadConfig(root), [{ action: "space.archived", targets: [], metadata: [] }]);
    const registryError = {
      file: "lib/api/audit/workos_audit.ts",
      line: 1,
      column: 1,
      message: 'the action registry does not exist; expected a file declaring `export type AuditAction` here (set "registry" in auditmod.config.json if it lives elsewhere)',
    };
    expect(plan).toEqual({ edits: [], changedActions: [], actions: [], idle: [], registryError, findings: [{ ...registryError, step: "registry", severity: "error" }] });
  });

  it("a registry without a known layout blocks everything, with the position", () => {
    const root = makeRoot({ "lib/api/audit/workos_audit.ts": "export type AuditAction = string;\n" });
    const plan = planRegistration(loadConfig(root), [{ action: "space.archived", targets: [], metadata: [] }]);
    expect(plan.edits).toEqual([]);
    expect(plan.registryError).toMatchObject({ file: "lib/api/audit/workos_audit.ts", line: 1, column: 27 });
    expect(plan.registryError?.message).toMatch(/^`type AuditAction = string` is not a registry layout; expected /);
  });
});

describe("describeRegistration", () => {
  it("says what was done, or with a dry run what would be", () => {
    const root = makeRoot({ "lib/api/audit/workos_audit.ts": REGISTRY, "admin/audit_log_schemas/space.created.json": SPACE_CREATED_SCHEMA });
    const config = loadConfig(root);
    const plan = planRegistration(config, [
      { action: "space.archived", targets: ["space"], metadata: [] },
      { action: "space.created", targets: ["space", "user"], metadata: [] },
    ]);
    expect(describeRegistration(config, plan, null)).toEqual([
      "space.archived: would register in lib/api/audit/workos_audit.ts; would create admin/audit_log_schemas/space.archived.json",
      "space.created: already registered in lib/api/audit/workos_audit.ts; would add target user to admin/audit_log_schemas/space.created.json",
    ]);
    expect(describeRegistration(config, plan, plan.edits.map((e) => e.file))).toEqual([
      "space.archived: registered in lib/api/audit/workos_audit.ts; created admin/audit_log_schemas/space.archived.json",
      "space.created: already registered in lib/api/audit/workos_audit.ts; added target user to admin/audit_log_schemas/space.created.json",
    ]);
    expect(describeRegistration(config, plan, ["lib/api/audit/workos_audit.ts"])[0]).toBe(
      "space.archived: registered in lib/api/audit/workos_audit.ts; failed to create admin/audit_log_schemas/space.archived.json",
    );
  });
});

describe("schemaReminder", () => {
  it("names the actions and the exact register command", () => {
    expect(schemaReminder(["space.archived"])).toBe(
      "Reminder: 1 audit log schema was created or changed (space.archived). Register it with WorkOS after merge and before deploy:\n" +
        "  npx tsx admin/register_audit_log_schemas.ts --execute space.archived\n",
    );
    expect(schemaReminder(["space.archived", "user.invited", "space.archived"])).toBe(
      "Reminder: 2 audit log schemas were created or changed (space.archived, user.invited). Register them with WorkOS after merge and before deploy:\n" +
        "  npx tsx admin/register_audit_log_schemas.ts --execute space.archived user.invited\n",
    );
  });

  it("is empty when no schema changed", () => {
    expect(schemaReminder([])).toBe("");
  });
});
