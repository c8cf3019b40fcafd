import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { copyToTempRepo, git, REPO_ROOT, runCli, snapshotTree } from "../helpers/cli";

const FRONT = path.join(REPO_ROOT, "examples", "front");
const REGISTRY = "lib/api/audit/workos_audit.ts";
const TSC = path.join(REPO_ROOT, "node_modules", ".bin", "tsc");

const SPACE_ARCHIVED_SCHEMA = `{
  "action": "space.archived",
  "targets": [
    {
      "type": "workspace"
    },
    {
      "type": "space"
    }
  ],
  "metadata": {
    "space_kind": "string"
  }
}
`;

const EXPECTED_DIFF = `diff --git a/lib/api/audit/workos_audit.ts b/lib/api/audit/workos_audit.ts
--- a/lib/api/audit/workos_audit.ts
+++ b/lib/api/audit/workos_audit.ts
@@ -18,6 +18,7 @@
   // ---- spaces ----
   | "space.created"
   | "space.updated"
+  | "space.archived"
   // ---- groups ----
   | "group.member_added"
   | "group.member_removed"
diff --git a/admin/audit_log_schemas/space.archived.json b/admin/audit_log_schemas/space.archived.json
new file mode 100644
--- /dev/null
+++ b/admin/audit_log_schemas/space.archived.json
@@ -0,0 +1,14 @@
${SPACE_ARCHIVED_SCHEMA.replace(/^/gm, "+").slice(0, -2)}
`;

const REMINDER =
  "Reminder: 1 audit log schema was created or changed (space.archived). Register it with WorkOS after merge and before deploy:\n" +
  "  npx tsx admin/register_audit_log_schemas.ts --execute space.archived\n";

const ADD = ["add-event", "space.archived", "--target", "space", "--meta", "space_kind"];

/** The tree without auditmod's own journal folder: what a user's `git status` would care about. */
function userFiles(dir: string): Map<string, Buffer> {
  return new Map([...snapshotTree(dir)].filter(([file]) => !file.startsWith(".auditmod")));
}

function commitAll(dir: string, message: string): void {
  git(dir, ["add", "-A"]);
  git(dir, ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", message]);
}

function summaryLine(stderr: string): string {
  return stderr.replace(/, [\d.]+s\)/, ", Ns)");
}

describe("auditmod add-event on examples/front", () => {
  const original = fs.readFileSync(path.join(FRONT, REGISTRY), "utf8");

  it("--dry prints the exact diff and what it would do, and writes nothing", () => {
    const dir = copyToTempRepo(FRONT);
    const before = userFiles(dir);
    const r = runCli([...ADD, "--dry"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(EXPECTED_DIFF);
    expect(summaryLine(r.stderr)).toBe(
      "auditmod: 2 would change, 0 unchanged, 0 skipped, 0 errors (2 files, 0 parsed, Ns)\n" +
        "space.archived: would register in lib/api/audit/workos_audit.ts; would create admin/audit_log_schemas/space.archived.json\n",
    );
    expect(userFiles(dir)).toEqual(before);
  });

  it("registers the action and writes its schema; the example still type-checks; a second add-event changes nothing", () => {
    const dir = copyToTempRepo(FRONT);
    const first = runCli(ADD, dir);
    expect(first.stderr).toMatch(/^auditmod: 2 changed, 0 unchanged, 0 skipped, 0 errors \(2 files, 0 parsed, [\d.]+s\)\n$/);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(`space.archived: registered in lib/api/audit/workos_audit.ts; created admin/audit_log_schemas/space.archived.json\n${REMINDER}`);
    expect(git(dir, ["status", "--porcelain", "--untracked-files=all"])).toBe(" M lib/api/audit/workos_audit.ts\n?? admin/audit_log_schemas/space.archived.json\n");
    expect(fs.readFileSync(path.join(dir, REGISTRY), "utf8")).toBe(original.replace('  | "space.updated"\n', '  | "space.updated"\n  | "space.archived"\n'));
    expect(fs.readFileSync(path.join(dir, "admin/audit_log_schemas/space.archived.json"), "utf8")).toBe(SPACE_ARCHIVED_SCHEMA);

    // The new union member is a real type: the example compiles with it.
    expect(() => execFileSync(TSC, ["-p", path.join(dir, "tsconfig.json"), "--noEmit"], { encoding: "utf8", stdio: "pipe" })).not.toThrow();

    commitAll(dir, "add space.archived");
    const after = userFiles(dir);
    const second = runCli(ADD, dir);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe("space.archived: already registered in lib/api/audit/workos_audit.ts; admin/audit_log_schemas/space.archived.json is up to date\n");
    expect(userFiles(dir)).toEqual(after);
  });

  it("--patch writes a patch that git apply turns into exactly what a real run writes", () => {
    const dir = copyToTempRepo(FRONT);
    const patch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-patch-")), "add-event.patch");
    const r = runCli([...ADD, "--dry", "--patch", patch], dir);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(patch, "utf8")).toBe(EXPECTED_DIFF);
    git(dir, ["apply", patch]);
    const applied = userFiles(dir);

    const other = copyToTempRepo(FRONT);
    expect(runCli(ADD, other).status).toBe(0);
    expect(userFiles(other)).toEqual(applied);
  });

  it("merges into an existing schema: only the missing key is added, the registry is left alone", () => {
    const dir = copyToTempRepo(FRONT);
    const schemaFile = path.join(dir, "admin/audit_log_schemas/space.created.json");
    const schemaBefore = JSON.parse(fs.readFileSync(schemaFile, "utf8")) as { metadata: Record<string, string> };
    const r = runCli(["add-event", "space.created", "--target", "space", "--meta", "space_kind", "--meta", "created_by"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      "space.created: already registered in lib/api/audit/workos_audit.ts; added metadata created_by to admin/audit_log_schemas/space.created.json\n" +
        "Reminder: 1 audit log schema was created or changed (space.created). Register it with WorkOS after merge and before deploy:\n" +
        "  npx tsx admin/register_audit_log_schemas.ts --execute space.created\n",
    );
    expect(git(dir, ["status", "--porcelain", "--untracked-files=all"])).toBe(" M admin/audit_log_schemas/space.created.json\n");
    expect(fs.readFileSync(schemaFile, "utf8")).toBe(`${JSON.stringify({ ...schemaBefore, metadata: { ...schemaBefore.metadata, created_by: "string" } }, null, 2)}\n`);
  });

  it("a conflicting schema is reported with its position and left alone; the run exits 1", () => {
    const dir = copyToTempRepo(FRONT);
    const schemaFile = path.join(dir, "admin/audit_log_schemas/space.archived.json");
    const conflicting = '{\n  "action": "space.deleted",\n  "targets": [{ "type": "workspace" }]\n}\n';
    fs.writeFileSync(schemaFile, conflicting);
    commitAll(dir, "a mislabelled schema");
    const r = runCli(ADD, dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('admin/audit_log_schemas/space.archived.json:2:13  error  [schema] "action" is "space.deleted", but this is the schema of "space.archived"\n');
    expect(r.stdout).toBe("space.archived: registered in lib/api/audit/workos_audit.ts; admin/audit_log_schemas/space.archived.json left as it is\n");
    expect(fs.readFileSync(schemaFile, "utf8")).toBe(conflicting);
  });

  it("a new name breaking AUDIT8 or AUDIT9 is a warning naming the conforming one, and the action is still registered", () => {
    const dir = copyToTempRepo(FRONT);
    const r = runCli(["add-event", "spaces.archived", "--target", "space", "--meta", "spaceKind", "--dry"], dir);
    expect(r.status).toBe(0);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("command line"))).toEqual([
      'command line  warning  [names] action: AUDIT8: action "spaces.archived" has a plural resource "spaces"; actions are named <resource>.<verb>: singular lower-case resource, past-tense verb, snake case (space.created, api_key.revoked, user.login_failed); it is not in lib/api/audit/workos_audit.ts yet, so it can still be named "space.archived" (the run goes on with "spaces.archived")',
      'command line  warning  [names] metadata.spaceKind: AUDIT9: metadata key "spaceKind" is not snake case; metadata keys are lower snake case (space_kind, member_count); admin/audit_log_schemas/spaces.archived.json does not declare it yet, so it can still be named "space_kind" (the run goes on with "spaceKind")',
    ]);
    expect(r.stderr).toContain("spaces.archived: would register in lib/api/audit/workos_audit.ts; would create admin/audit_log_schemas/spaces.archived.json\n");
  });

  it("a registered legacy action is used as it is, without a warning", () => {
    const dir = copyToTempRepo(FRONT);
    const r = runCli(["add-event", "credentials.created", "--target", "credential", "--meta", "provider", "--dry"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.replace(/, [\d.]+s\)/, ", Ns)")).toBe(
      "auditmod: 0 would change, 1 unchanged, 0 skipped, 0 errors (1 files, 0 parsed, Ns)\n" +
        "credentials.created: already registered in lib/api/audit/workos_audit.ts; admin/audit_log_schemas/credentials.created.json is up to date\n",
    );
  });

  it.each([
    ["an action with upper case", ["add-event", "Space.archived"], '"Space.archived" cannot be an action: it contains upper case'],
    ["an action without a dot", ["add-event", "spacearchived", "--target", "space"], '"spacearchived" cannot be an action: it has no dot between a resource and a verb'],
    ["a metadata key with a space", ["add-event", "space.archived", "--meta", "space kind"], 'metadata key "space kind" contains white space'],
    ["a target given as type=expression", ["add-event", "space.archived", "--target", "space=space"], 'AUDIT7: target type "space=space" is not a lower snake case resource name'],
  ])("%s is exit 2 naming the problem, and nothing is written", (_what, args, start) => {
    const dir = copyToTempRepo(FRONT);
    const before = userFiles(dir);
    const r = runCli(args, dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith(`auditmod: ${start}`)).toBe(true);
    expect(r.stderr.split("\n")).toHaveLength(2);
    expect(userFiles(dir)).toEqual(before);
  });

  it("a missing registry is exit 2 naming the file and what was expected, and nothing is written", () => {
    const dir = copyToTempRepo(FRONT);
    fs.writeFileSync(path.join(dir, "auditmod.config.json"), '{ "registry": "lib/audit/actions.ts" }\n');
    commitAll(dir, "point at a registry that does not exist");
    const before = userFiles(dir);
    const r = runCli(ADD, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'auditmod: lib/audit/actions.ts:1:1: the action registry does not exist; expected a file declaring `export type AuditAction` here (set "registry" in auditmod.config.json if it lives elsewhere)\n',
    );
    expect(userFiles(dir)).toEqual(before);
  });

  it("a registry in neither layout is exit 2 with the position and the layouts expected, and nothing is written", () => {
    const dir = copyToTempRepo(FRONT);
    const registry = path.join(dir, REGISTRY);
    fs.writeFileSync(registry, original.replace(/export type AuditAction =[^;]*;/, "export type AuditAction = string;"));
    commitAll(dir, "an open action type");
    const before = userFiles(dir);
    const r = runCli(ADD, dir);
    expect(r.status).toBe(2);
    const line = original.slice(0, original.indexOf("export type AuditAction =")).split("\n").length;
    expect(r.stderr).toBe(
      `auditmod: lib/api/audit/workos_audit.ts:${line}:27: \`type AuditAction = string\` is not a registry layout; expected \`export type AuditAction = "space.created" | ...\` (a union of string literals), ` +
        "`export type AuditAction = (typeof AUDIT_ACTIONS)[number]` over `const AUDIT_ACTIONS = [...] as const`, or `export type AuditAction = never`\n",
    );
    expect(userFiles(dir)).toEqual(before);
  });
});
