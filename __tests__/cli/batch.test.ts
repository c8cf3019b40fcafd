import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { copyToTempRepo, git, REPO_ROOT, runCli, snapshotTree } from "../helpers/cli";

// End to end through the built CLI (`npm test` builds dist/ first) on a temp git copy of examples/front.

const FRONT = path.join(REPO_ROOT, "examples", "front");
const TSC = path.join(REPO_ROOT, "node_modules", ".bin", "tsc");
/** The whole `--dry` diff of examples/front/audit-batch.yaml: three instrumented mutations, four fixers, registry and schemas. */
const EXPECTED_DIFF = fs.readFileSync(path.join(__dirname, "batch-front.expected.diff"), "utf8");

const FINDINGS =
  "api/hono/triggers.ts:21:10  warning  [await-to-void] emitAuditLogEvent is returned, so the caller waits on the audit log (AUDIT1); not rewritten: emit with `void` and return separately\n" +
  "migrations/20260101_backfill_spaces.ts:52:13  info  [await-to-void] emitAuditLogEventDirect is awaited on purpose: the file is a script (it calls makeScript) (AUDIT1 exception); left as is\n";

const REGISTERED = ["space.deleted", "api_key.revoked", "trigger.schedule_updated"];

function summary(stderr: string): string {
  return stderr.replace(/, [\d.]+s\)/g, ", Ns)");
}

function userFiles(dir: string): Map<string, Buffer> {
  return new Map([...snapshotTree(dir)].filter(([file]) => !file.startsWith(".auditmod")));
}

function commitAll(dir: string, message: string): void {
  git(dir, ["add", "-A"]);
  git(dir, ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", message]);
}

describe("auditmod batch on examples/front", () => {
  it("--dry prints the exact diff, the findings and what registration would do; nothing is written", () => {
    const dir = copyToTempRepo(FRONT);
    const before = userFiles(dir);
    const r = runCli(["batch", "audit-batch.yaml", "--dry"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(EXPECTED_DIFF);
    expect(summary(r.stderr)).toBe(
      FINDINGS +
        "auditmod: 10 would change, 22 unchanged, 0 skipped, 0 errors (32 files, 16 parsed, Ns)\n" +
        REGISTERED.map((a) => `${a}: would register in lib/api/audit/workos_audit.ts; would create admin/audit_log_schemas/${a}.json\n`).join(""),
    );
    expect(userFiles(dir)).toEqual(before);
  });

  it("writes what --patch describes; the result type-checks against the example's stubs; a re-run changes nothing", () => {
    const dir = copyToTempRepo(FRONT);
    const patch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-batch-")), "batch.patch");
    expect(runCli(["batch", "audit-batch.yaml", "--dry", "--patch", patch], dir).status).toBe(0);
    expect(fs.readFileSync(patch, "utf8")).toBe(EXPECTED_DIFF);

    const r = runCli(["batch", "audit-batch.yaml"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      REGISTERED.map((a) => `${a}: registered in lib/api/audit/workos_audit.ts; created admin/audit_log_schemas/${a}.json\n`).join("") +
        "Reminder: 3 audit log schemas were created or changed (space.deleted, api_key.revoked, trigger.schedule_updated). Register them with WorkOS after merge and before deploy:\n" +
        "  npx tsx admin/register_audit_log_schemas.ts --execute space.deleted api_key.revoked trigger.schedule_updated\n",
    );
    const written = userFiles(dir);

    // The patch applied to a fresh copy gives byte for byte what the run wrote.
    const other = copyToTempRepo(FRONT);
    git(other, ["apply", patch]);
    expect(userFiles(other)).toEqual(written);

    expect(() => execFileSync(TSC, ["-p", path.join(dir, "tsconfig.json"), "--noEmit"], { encoding: "utf8", stdio: "pipe" })).not.toThrow();

    commitAll(dir, "batch");
    const again = runCli(["batch", "audit-batch.yaml"], dir);
    expect(again.status).toBe(0);
    expect(summary(again.stderr)).toBe(
      "api/hono/api_keys.ts:83:24  info  [instrument] already instrumented: this function emits api_key.revoked (line 91)\n" +
        FINDINGS +
        "pages/api/w/[wId]/spaces/[spaceId]/index.ts:107:31  info  [instrument] already instrumented: this function emits space.deleted (line 118)\n" +
        "temporal/triggers/activities.ts:90:24  info  [instrument] already instrumented: this function emits trigger.schedule_updated (line 97)\n" +
        "auditmod: 0 changed, 29 unchanged, 0 skipped, 0 errors (29 files, 16 parsed, Ns)\n",
    );
    expect(again.stdout).toBe(REGISTERED.map((a) => `${a}: already registered in lib/api/audit/workos_audit.ts; admin/audit_log_schemas/${a}.json is up to date\n`).join(""));
    expect(userFiles(dir)).toEqual(written);
  });

  it("a bad manifest is exit 2 with one line per problem and its path in the manifest; nothing is written", () => {
    const dir = copyToTempRepo(FRONT);
    fs.writeFileSync(
      path.join(dir, "bad.yaml"),
      [
        "steps:",
        "  - instrument:",
        "      action: space.delete",
        '      mutation: "*.delete"',
        "      targets: [{ type: space, resource: space }]",
        "  - await-to-void",
        "  - stringify-metdata",
        "  - instrument:",
        "      action: api_key.revoked",
        "      mutation: ApiKeyResource.revoke",
        "      metadata: { keyRole: key.role }",
        '      files: ["../other/**"]',
        "",
      ].join("\n"),
    );
    commitAll(dir, "a bad manifest");
    const before = userFiles(dir);
    const r = runCli(["batch", "bad.yaml"], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "auditmod: bad.yaml: 3 problems, nothing was run:\n" +
        '  steps[0].instrument.action: AUDIT8: action "space.delete" has a verb "delete" that is not in the past tense; actions are named <resource>.<verb>: singular lower-case resource, past-tense verb, snake case (space.created, api_key.revoked, user.login_failed)\n' +
        '  steps[2]: unknown fixer "stringify-metdata" (known: await-to-void, workspace-target, stringify-metadata, audit-context, target-builders)\n' +
        '  steps[3].instrument.metadata.keyRole: AUDIT9: metadata key "keyRole" is not snake case; metadata keys are lower snake case (space_kind, member_count)\n',
    );
    expect(userFiles(dir)).toEqual(before);
  });

  it("files that escape the root are refused before anything runs", () => {
    const dir = copyToTempRepo(FRONT);
    fs.writeFileSync(path.join(dir, "escape.json"), JSON.stringify({ steps: [{ instrument: { action: "space.deleted", mutation: "*.delete", files: ["pages/**", "../x/**"] } }] }));
    commitAll(dir, "escaping manifest");
    const before = userFiles(dir);
    const r = runCli(["batch", "escape.json", "--dry"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`auditmod: escape.json: 1 problem, nothing was run:\n  steps[0].instrument.files[1]: "../x/**" lies outside the root (${dir})\n`);
    expect(r.stdout).toBe("");
    expect(userFiles(dir)).toEqual(before);
  });

  it("a missing manifest is exit 2", () => {
    const dir = copyToTempRepo(FRONT);
    const r = runCli(["batch", "nope.yaml"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`auditmod: nope.yaml: 1 problem, nothing was run:\n  ${path.join(dir, "nope.yaml")}: cannot read: ENOENT\n`);
  });
});

describe("auditmod instrument on examples/front", () => {
  const FLAGS = ["--action", "api_key.revoked", "--mutation", "ApiKeyResource.revoke", "--target", "api_key=key", "--meta", "key_role=key.role"];
  const API_KEYS_DIFF = EXPECTED_DIFF.slice(0, EXPECTED_DIFF.indexOf("diff --git a/api/hono/spaces.ts"));
  const REGISTRY_DIFF = `diff --git a/lib/api/audit/workos_audit.ts b/lib/api/audit/workos_audit.ts
--- a/lib/api/audit/workos_audit.ts
+++ b/lib/api/audit/workos_audit.ts
@@ -23,6 +23,7 @@
   | "group.member_removed"
   // ---- api keys ----
   | "api_key.created"
+  | "api_key.revoked"
   // ---- triggers ----
   | "trigger.updated"
   | "trigger.disabled";
`;
  const SCHEMA_DIFF = EXPECTED_DIFF.slice(EXPECTED_DIFF.indexOf("diff --git a/admin/audit_log_schemas/api_key.revoked.json"), EXPECTED_DIFF.indexOf("diff --git a/admin/audit_log_schemas/trigger.schedule_updated.json"));

  it("flags describe a spec: the emit, the registry entry and the schema in one diff", () => {
    const dir = copyToTempRepo(FRONT);
    const r = runCli(["instrument", ...FLAGS, "--dry"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${API_KEYS_DIFF}${REGISTRY_DIFF}${SCHEMA_DIFF}`);
  });

  it("--spec (JSON or YAML) gives the same result as the flags; paths limit where it looks", () => {
    const dir = copyToTempRepo(FRONT);
    fs.writeFileSync(path.join(dir, "spec.json"), JSON.stringify({ action: "api_key.revoked", mutation: "ApiKeyResource.revoke", targets: [{ type: "api_key", resource: "key" }], metadata: { key_role: "key.role" } }));
    fs.writeFileSync(path.join(dir, "spec.yaml"), "action: api_key.revoked\nmutation: ApiKeyResource.revoke\ntargets: [{ type: api_key, resource: key }]\nmetadata: { key_role: key.role }\n");
    const fromFlags = runCli(["instrument", ...FLAGS, "--dry"], dir);
    for (const spec of ["spec.json", "spec.yaml"]) {
      const r = runCli(["instrument", "--spec", spec, "--dry", "api/hono"], dir);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(fromFlags.stdout);
    }
    // Outside the given paths nothing is instrumented (only the registration remains).
    const elsewhere = runCli(["instrument", "--spec", "spec.json", "--dry", "pages"], dir);
    expect(elsewhere.stdout).toBe(`${REGISTRY_DIFF}${SCHEMA_DIFF}`);
  });

  it.each([
    [["--spec", "spec.json", "--action", "space.deleted"], "auditmod: --spec and --action do not go together: put the whole spec in the file, or give it all as flags\n"],
    [["--action", "api_key.revoked"], "auditmod: instrument needs --action (or --template) and --mutation (or --spec FILE)\n"],
    [["--action", "api_key.revoked", "--mutation", "ApiKeyResource.revoke", "--target", "api_key"], 'auditmod: --target expects type=expression, got "api_key"\n'],
    [["--action", "api_key.revoked", "--mutation", "ApiKeyResource.revoke", "--actor-id", "x"], "auditmod: --actor-type and --actor-id go together (and --actor-name with them)\n"],
    [
      ["--action", "api_key.revoke", "--mutation", "ApiKeyResource.revoke()", "--meta", "key_role=key.role)"],
      "auditmod: instrument spec: 3 problems, nothing was run:\n" +
        '  action: AUDIT8: action "api_key.revoke" has a verb "revoke" that is not in the past tense; actions are named <resource>.<verb>: singular lower-case resource, past-tense verb, snake case (space.created, api_key.revoked, user.login_failed)\n' +
        '  mutation: expected "fn", "Obj.method" or "*.method", got "ApiKeyResource.revoke()"\n' +
        '  metadata.key_role: "key.role)" is not an expression: Unexpected parseExpression() input: The input should contain exactly one expression, but the first expression is followed by the unexpected character `)`.\n',
    ],
  ])("%j is exit 2: %s", (args, stderr) => {
    const dir = copyToTempRepo(FRONT);
    fs.writeFileSync(path.join(dir, "spec.json"), "{}");
    commitAll(dir, "spec");
    const before = userFiles(dir);
    const r = runCli(["instrument", ...args], dir);
    expect(r.stderr).toBe(stderr);
    expect(r.status).toBe(2);
    expect(userFiles(dir)).toEqual(before);
  });
});
