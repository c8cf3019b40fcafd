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
  "migrations/20260101_backfill_spaces.ts:52:13  info  [await-to-void] emitAuditLogEventDirect is awaited on purpose: the file is a script (it calls makeScript) (AUDIT1 exception); left as is\n" +
  // A batch asks no checker: values only the types can tell are left as written and noted.
  'pages/api/w/[wId]/groups/[groupId]/members.ts:122:21  info  [stringify-metadata] 1 metadata value(s) may not be strings: "count" (line 122); left as written (AUDIT5): use --typecheck to decide them with the TypeScript checker, or --wrap-unknown to wrap them\n' +
  'pages/api/w/[wId]/spaces/index.ts:102:26  info  [stringify-metadata] 1 metadata value(s) may not be strings: "is_restricted" (line 102); left as written (AUDIT5): use --typecheck to decide them with the TypeScript checker, or --wrap-unknown to wrap them\n';
/** The batch's actions in the order its steps name them; all but the legacy one are new and got their emits. */
const ACTIONS = ["space.deleted", "api_key.revoked", "trigger.schedule_updated", "group.created", "group.renamed", "group.archived", "credentials.created", "frame.deleted"];
/** Registered under its legacy name, with a schema: used as it is, no warning. */
const LEGACY_ACTION = "credentials.created";
const LEGACY = "credentials.created: already registered in lib/api/audit/workos_audit.ts; admin/audit_log_schemas/credentials.created.json is up to date\n";
const REGISTERED = ACTIONS.filter((a) => a !== LEGACY_ACTION);
/** What registration says of each action, given what it says of a new one. */
const registration = (said: (action: string) => string) => ACTIONS.map((a) => (a === LEGACY_ACTION ? LEGACY : `${a}: ${said(a)}\n`)).join("");

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
        "auditmod: 18 would change, 25 unchanged, 0 skipped, 0 errors (43 files, 22 parsed, Ns)\n" +
        registration((a) => `would register in lib/api/audit/workos_audit.ts; would create admin/audit_log_schemas/${a}.json`),
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
      registration((a) => `registered in lib/api/audit/workos_audit.ts; created admin/audit_log_schemas/${a}.json`) +
        `Reminder: ${REGISTERED.length} audit log schemas were created or changed (${REGISTERED.join(", ")}). Register them with WorkOS after merge and before deploy:\n` +
        `  npx tsx admin/register_audit_log_schemas.ts --execute ${REGISTERED.join(" ")}\n`,
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
    const [triggers, migration, count, isRestricted] = FINDINGS.split(/(?<=\n)/);
    expect(summary(again.stderr)).toBe(
      "api/hono/api_keys.ts:83:24  info  [instrument] already instrumented: this function emits api_key.revoked (line 91)\n" +
        "api/hono/credentials.ts:37:31  info  [instrument] already instrumented: this function emits credentials.created (line 49)\n" +
        triggers +
        "lib/api/frames.ts:24:31  info  [instrument] already instrumented: this function emits frame.deleted (line 29)\n" +
        "lib/api/groups.ts:36:28  info  [instrument] already instrumented: this function emits group.archived (line 42)\n" +
        migration +
        // The batch's own workspace target moved the `count` note down two lines.
        count.replace(":122:21 ", ":124:21 ").replace("(line 122)", "(line 124)") +
        "pages/api/w/[wId]/groups/index.ts:60:30  info  [instrument] already instrumented: this function emits group.created (line 69)\n" +
        "pages/api/w/[wId]/groups/index.ts:116:31  info  [instrument] already instrumented: this function emits group.renamed (line 124)\n" +
        "pages/api/w/[wId]/spaces/[spaceId]/index.ts:107:31  info  [instrument] already instrumented: this function emits space.deleted (line 118)\n" +
        isRestricted +
        "temporal/triggers/activities.ts:90:24  info  [instrument] already instrumented: this function emits trigger.schedule_updated (line 97)\n" +
        "auditmod: 0 changed, 36 unchanged, 0 skipped, 0 errors (36 files, 22 parsed, Ns)\n",
    );
    expect(again.stdout).toBe(
      registration((a) => `already registered in lib/api/audit/workos_audit.ts; admin/audit_log_schemas/${a}.json is up to date`),
    );
    expect(userFiles(dir)).toEqual(written);
  });

  it("a malformed manifest is exit 2 with one line per problem and its path in the manifest; nothing is written", () => {
    const dir = copyToTempRepo(FRONT);
    fs.writeFileSync(
      path.join(dir, "bad.yaml"),
      [
        "steps:",
        "  - instrument:",
        "      action: Space.Deleted",
        '      mutation: "*.delete"',
        "      targets: [{ type: space, resource: space }]",
        "  - await-to-void",
        "  - stringify-metdata",
        "  - instrument:",
        "      action: api_key revoked",
        "      mutation: ApiKeyResource.revoke",
        "      metdata: { key_role: key.role }",
        "  - instrument:",
        "      action: spacedeleted",
        '      mutation: "*.delete()"',
        '      files: ["../other/**"]',
        "",
      ].join("\n"),
    );
    commitAll(dir, "a bad manifest");
    const before = userFiles(dir);
    const r = runCli(["batch", "bad.yaml"], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    const shape = "an action is <resource>.<verb> in lower case (space.created)";
    expect(r.stderr).toBe(
      "auditmod: bad.yaml: 6 problems, nothing was run:\n" +
        `  steps[0].instrument.action: "Space.Deleted" cannot be an action: it contains upper case; ${shape}\n` +
        '  steps[2]: unknown fixer "stringify-metdata" (known: await-to-void, workspace-target, stringify-metadata, audit-context, target-builders)\n' +
        `  steps[3].instrument.action: "api_key revoked" cannot be an action: it contains white space; ${shape}\n` +
        "  steps[3].instrument: Unrecognized key(s) in object: 'metdata'\n" +
        `  steps[4].instrument.action: "spacedeleted" cannot be an action: it has no dot between a resource and a verb; ${shape}\n` +
        '  steps[4].instrument.mutation: expected "fn", "Obj.method" or "*.method", got "*.delete()"\n',
    );
    expect(userFiles(dir)).toEqual(before);
  });

  describe("typecheck for stringify-metadata, for the whole manifest or one step", () => {
    const decided = [
      "-          member_count: members.length, // size after the add",
      "+          member_count: String(members.length), // size after the add",
      "-        metadata: { count },",
      "+        metadata: { count: String(count) },",
      "-          is_restricted: space.isRestricted,",
      "+          is_restricted: String(space.isRestricted),",
    ];
    it.each([
      ["the manifest's `typecheck: true`", "typecheck: true\nsteps:\n  - stringify-metadata\n"],
      ["a step's `stringify-metadata: { typecheck: true }`", "steps:\n  - stringify-metadata: { typecheck: true }\n"],
      ["a step's `typecheck: false` over the manifest's true", "typecheck: true\nsteps:\n  - stringify-metadata: { typecheck: false }\n"],
    ])("%s", (name, manifest) => {
      const dir = copyToTempRepo(FRONT);
      fs.writeFileSync(path.join(dir, "tc.yaml"), manifest);
      commitAll(dir, "a typecheck manifest");
      const before = userFiles(dir);
      const r = runCli(["batch", "tc.yaml", "--dry"], dir);
      expect(r.status).toBe(0);
      const [count, isRestricted] = FINDINGS.split(/(?<=\n)/).slice(2);
      if (name.includes("false")) {
        // Without the checker the two values the syntax cannot tell are left and noted, as in any batch.
        expect(r.stdout.split("\n").filter((l) => /^[-+] /.test(l))).toEqual(decided.slice(0, 2));
        expect(summary(r.stderr)).toBe(`${count}${isRestricted}auditmod: 1 would change, 35 unchanged, 0 skipped, 0 errors (36 files, 12 parsed, Ns)\n`);
      } else {
        // The checker says `count` is a number and `space.isRestricted` a boolean: both are wrapped.
        expect(r.stdout.split("\n").filter((l) => /^[-+] /.test(l))).toEqual(decided);
        // The 12 files sent to the steps join the checker's program at once (one program per run), with what they import.
        expect(summary(r.stderr)).toMatch(/^auditmod: --typecheck loaded 26 files into the TypeScript checker in \d+\.\d\ds\nauditmod: 2 would change, 34 unchanged, 0 skipped, 0 errors \(36 files, 12 parsed, Ns\)\n$/);
      }
      expect(userFiles(dir)).toEqual(before);
    });

    it("a malformed typecheck is exit 2 with one line per problem; nothing is run", () => {
      const dir = copyToTempRepo(FRONT);
      fs.writeFileSync(path.join(dir, "bad.yaml"), 'typecheck: "yes"\nsteps:\n  - stringify-metadata: { typecheck: 1, wrap: true }\n  - await-to-void: { typecheck: true }\n');
      fs.writeFileSync(path.join(dir, "none.yaml"), "typecheck: true\nsteps:\n  - await-to-void\n");
      commitAll(dir, "bad typecheck manifests");
      const before = userFiles(dir);
      const bad = runCli(["batch", "bad.yaml"], dir);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toBe(
        "auditmod: bad.yaml: 4 problems, nothing was run:\n" +
          "  typecheck: Expected boolean, received string\n" +
          "  steps[0].stringify-metadata.typecheck: Expected boolean, received number\n" +
          "  steps[0].stringify-metadata: Unrecognized key(s) in object: 'wrap'\n" +
          "  steps[1].await-to-void: this fixer takes no options; write it as a name: `- await-to-void`\n",
      );
      const none = runCli(["batch", "none.yaml"], dir);
      expect(none.status).toBe(2);
      expect(none.stderr).toBe("auditmod: none.yaml: 1 problem, nothing was run:\n  typecheck: only stringify-metadata steps use it, and this batch has none\n");
      expect(userFiles(dir)).toEqual(before);
    });
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
  const API_KEYS_DIFF = EXPECTED_DIFF.slice(0, EXPECTED_DIFF.indexOf("diff --git a/api/hono/credentials.ts"));
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
   | "trigger.disabled"
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
    // Outside the given paths nothing is instrumented, so nothing is registered either.
    const elsewhere = runCli(["instrument", "--spec", "spec.json", "--dry", "pages"], dir);
    expect(elsewhere.status).toBe(0);
    expect(elsewhere.stdout).toBe("");
    expect(summary(elsewhere.stderr)).toBe(
      "auditmod: 0 would change, 7 unchanged, 0 skipped, 0 errors (7 files, 0 parsed, Ns)\n" +
        "api_key.revoked: registry and schema left as they are: no site got its emit and nothing in the run's files emits it\n",
    );
  });

  it.each([
    [["--spec", "spec.json", "--action", "space.deleted"], "auditmod: --spec and --action do not go together: put the whole spec in the file, or give it all as flags\n"],
    [["--action", "api_key.revoked"], "auditmod: instrument needs --action (or --template) and --mutation (or --spec FILE)\n"],
    [["--action", "api_key.revoked", "--mutation", "ApiKeyResource.revoke", "--target", "api_key"], 'auditmod: --target expects type=expression, got "api_key"\n'],
    [["--action", "api_key.revoked", "--mutation", "ApiKeyResource.revoke", "--actor-id", "x"], "auditmod: --actor-type and --actor-id go together (and --actor-name with them)\n"],
    [
      ["--action", "api_key.Revoked", "--mutation", "ApiKeyResource.revoke()", "--meta", "key_role=key.role)"],
      "auditmod: instrument spec: 3 problems, nothing was run:\n" +
        '  action: "api_key.Revoked" cannot be an action: it contains upper case; an action is <resource>.<verb> in lower case (space.created)\n' +
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

describe("registration follows the emits; existing names are facts", () => {
  const AUDIT8_RULE = "actions are named <resource>.<verb>: singular lower-case resource, past-tense verb, snake case (space.created, api_key.revoked, user.login_failed)";
  const AUDIT9_RULE = "metadata keys are lower snake case (space_kind, member_count)";
  const IDLE_LINE = "registry and schema left as they are: no site got its emit and nothing in the run's files emits it";

  function withManifest(name: string, lines: string[]): string {
    const dir = copyToTempRepo(FRONT);
    fs.writeFileSync(path.join(dir, name), `${lines.join("\n")}\n`);
    commitAll(dir, "manifest");
    return dir;
  }

  const diffedFiles = (diff: string) => [...diff.matchAll(/^diff --git a\/(\S+)/gm)].map((m) => m[1]);

  it("a registered legacy action and a key its schema declares are used as they are; new names breaking AUDIT8/AUDIT9 are warned with the conforming name, and the run goes on", () => {
    const dir = withManifest("names.yaml", [
      "steps:",
      "  - instrument:",
      "      action: credentials.created",
      "      mutation: CredentialResource.makeNew",
      '      files: ["api/hono/credentials.ts"]',
      "      targets: [{ type: credential, resource: credentialRes.value }]",
      "      metadata: { provider: provider }",
      "  - instrument:",
      "      action: workspace.domain_updated",
      '      mutation: "*.updateDomain"',
      '      files: ["pages/api/w/[wId]/domains.ts"]',
      "      metadata: { domain: domain, previousDomain: previousDomain }",
      "  - instrument:",
      "      action: groups.archive",
      '      mutation: "*.archive"',
      '      files: ["lib/api/groups.ts"]',
      "      targets: [{ type: group, resource: group }]",
      "      metadata: { groupName: group.name }",
    ]);
    const r = runCli(["batch", "names.yaml", "--dry"], dir);
    expect(r.status).toBe(0);
    expect(diffedFiles(r.stdout)).toEqual(["api/hono/credentials.ts", "lib/api/groups.ts", "lib/api/audit/workos_audit.ts", "admin/audit_log_schemas/groups.archive.json"]);
    expect(summary(r.stderr)).toBe(
      "pages/api/w/[wId]/domains.ts:62:15  info  [instrument] already instrumented: this function emits workspace.domain_updated (line 74)\n" +
        `names.yaml:14:7  warning  [names] steps[2].instrument.action: AUDIT8: action "groups.archive" has a plural resource "groups"; ${AUDIT8_RULE}; it is not in lib/api/audit/workos_audit.ts yet, so it can still be named "group.archived" (the run goes on with "groups.archive")\n` +
        `names.yaml:18:19  warning  [names] steps[2].instrument.metadata.groupName: AUDIT9: metadata key "groupName" is not snake case; ${AUDIT9_RULE}; admin/audit_log_schemas/groups.archive.json does not declare it yet, so it can still be named "group_name" (the run goes on with "groupName")\n` +
        "auditmod: 4 would change, 33 unchanged, 0 skipped, 0 errors (37 files, 13 parsed, Ns)\n" +
        "credentials.created: already registered in lib/api/audit/workos_audit.ts; admin/audit_log_schemas/credentials.created.json is up to date\n" +
        "workspace.domain_updated: already registered in lib/api/audit/workos_audit.ts; admin/audit_log_schemas/workspace.domain_updated.json is up to date\n" +
        "groups.archive: would register in lib/api/audit/workos_audit.ts; would create admin/audit_log_schemas/groups.archive.json\n",
    );
  });

  it("the same warnings for a spec given as flags, without a file position", () => {
    const dir = copyToTempRepo(FRONT);
    const r = runCli(["instrument", "--action", "group.archive", "--mutation", "*.archive", "--target", "group=group", "--meta", "groupName=group.name", "--dry", "lib/api"], dir);
    expect(r.status).toBe(0);
    expect(diffedFiles(r.stdout)).toEqual(["lib/api/groups.ts", "lib/api/audit/workos_audit.ts", "admin/audit_log_schemas/group.archive.json"]);
    expect(summary(r.stderr)).toBe(
      `command line  warning  [names] action: AUDIT8: action "group.archive" has a verb "archive" that is not in the past tense; ${AUDIT8_RULE}; it is not in lib/api/audit/workos_audit.ts yet, so it can still be named "group.archived" (the run goes on with "group.archive")\n` +
        `command line  warning  [names] metadata.groupName: AUDIT9: metadata key "groupName" is not snake case; ${AUDIT9_RULE}; admin/audit_log_schemas/group.archive.json does not declare it yet, so it can still be named "group_name" (the run goes on with "groupName")\n` +
        "auditmod: 3 would change, 5 unchanged, 0 skipped, 0 errors (8 files, 1 parsed, Ns)\n" +
        "group.archive: would register in lib/api/audit/workos_audit.ts; would create admin/audit_log_schemas/group.archive.json\n",
    );
  });

  it("steps whose sites were all skipped write no registry or schema change, and the summary says so", () => {
    const dir = withManifest("skipped.yaml", [
      "steps:",
      "  - instrument:",
      "      action: group.created",
      "      mutation: GroupResource.makeNew",
      "      targets: [{ type: group, resource: newGroup }]",
      "  - instrument:",
      "      action: frame.deleted",
      '      mutation: "*.delete"',
      '      files: ["lib/api/frames.ts"]',
      "      targets: [{ type: frame, resource: deletedFrame }]",
    ]);
    const before = userFiles(dir);
    const r = runCli(["batch", "skipped.yaml"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`group.created: ${IDLE_LINE}\nframe.deleted: ${IDLE_LINE}\n`);
    expect(summary(r.stderr)).toBe(
      "lib/api/frames.ts:21:35  warning  [instrument] not instrumented (frame.deleted): `deletedFrame` (the spec's targets[0].resource) is not in scope where the emit would go (after line 28)\n" +
        "pages/api/w/[wId]/groups/index.ts:58:30  warning  [instrument] not instrumented (group.created): `newGroup` (the spec's targets[0].resource) is not in scope where the emit would go (after line 64)\n" +
        "auditmod: 0 changed, 36 unchanged, 0 skipped, 0 errors (36 files, 12 parsed, Ns)\n",
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("an action one site emitted is registered; a step of the same action whose sites were all skipped adds nothing to its schema", () => {
    const dir = withManifest("one.yaml", [
      "steps:",
      "  - instrument:",
      "      action: group.archived",
      '      mutation: "*.archive"',
      '      files: ["lib/api/groups.ts"]',
      "      targets: [{ type: group, resource: group }]",
      "  - instrument:",
      "      action: group.archived",
      "      mutation: GroupResource.makeNew",
      "      targets: [{ type: group, resource: newGroup }]",
      "      metadata: { group_kind: newGroup.kind }",
    ]);
    const r = runCli(["batch", "one.yaml"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      "group.archived: registered in lib/api/audit/workos_audit.ts; created admin/audit_log_schemas/group.archived.json\n" +
        "Reminder: 1 audit log schema was created or changed (group.archived). Register it with WorkOS after merge and before deploy:\n" +
        "  npx tsx admin/register_audit_log_schemas.ts --execute group.archived\n",
    );
    expect(fs.readFileSync(path.join(dir, "admin/audit_log_schemas/group.archived.json"), "utf8")).toBe(
      '{\n  "action": "group.archived",\n  "targets": [\n    {\n      "type": "workspace"\n    },\n    {\n      "type": "group"\n    }\n  ]\n}\n',
    );
    expect(git(dir, ["status", "--porcelain"])).toBe(" M lib/api/audit/workos_audit.ts\n M lib/api/groups.ts\n?? admin/audit_log_schemas/group.archived.json\n");
  });

  it("an action existing code already emits is registered even when no site gets an emit; only the run's files count", () => {
    const lines = ["steps:", "  - instrument:", "      action: api_key.rotated", '      mutation: "*.rotateSecret"', '      files: ["pages/**"]', "      targets: [{ type: api_key, resource: key }]"];
    const dir = withManifest("used.yaml", lines);
    // api/hono/api_keys.ts emits api_key.rotated (cast `as AuditAction`), which is not registered.
    const everywhere = runCli(["batch", "used.yaml", "--dry"], dir);
    expect(everywhere.status).toBe(0);
    expect(diffedFiles(everywhere.stdout)).toEqual(["lib/api/audit/workos_audit.ts", "admin/audit_log_schemas/api_key.rotated.json"]);
    expect(summary(everywhere.stderr)).toBe(
      "auditmod: 2 would change, 35 unchanged, 0 skipped, 0 errors (37 files, 2 parsed, Ns)\n" +
        "api_key.rotated: would register in lib/api/audit/workos_audit.ts; would create admin/audit_log_schemas/api_key.rotated.json\n",
    );
    const pagesOnly = runCli(["batch", "used.yaml", "--dry", "pages"], dir);
    expect(pagesOnly.status).toBe(0);
    expect(pagesOnly.stdout).toBe("");
    expect(summary(pagesOnly.stderr)).toBe(`auditmod: 0 would change, 7 unchanged, 0 skipped, 0 errors (7 files, 0 parsed, Ns)\napi_key.rotated: ${IDLE_LINE}\n`);
  });
});
