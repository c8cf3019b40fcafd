import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { copyToTempRepo, git, REPO_ROOT, runCli, snapshotTree } from "../helpers/cli";

// End to end through the built CLI (`npm test` builds dist/ first) on a temp git copy of examples/front.

const FRONT = path.join(REPO_ROOT, "examples", "front");
const TSC = path.join(REPO_ROOT, "node_modules", ".bin", "tsc");
/** The whole `--dry` diff of examples/front/legacy-migration.yaml: two legacy emits migrated, their `buildAuditActor` imports gone. */
const EXPECTED_DIFF = fs.readFileSync(path.join(__dirname, "legacy-migration.expected.diff"), "utf8");
const LEGACY_FILES = ["api/hono/trigger_toggles.ts", "pages/api/w/[wId]/triggers/[tId]/disable.ts"];
const NOT_MIGRATED =
  'api/hono/trigger_toggles.ts:74:8  warning  [migrate-call] not migrated (emitAuditLogEvent): `actor: { type: "system", id: "trigger-scheduler", name: "Trigger Scheduler" }` does not match the pattern buildAuditActor($auth)\n';

function summary(stderr: string): string {
  return stderr.replace(/, [\d.]+s\)/g, ", Ns)");
}

function userFiles(dir: string): Map<string, Buffer> {
  return new Map([...snapshotTree(dir)].filter(([file]) => !file.startsWith(".auditmod")));
}

function modifiedFiles(dir: string): string[] {
  return git(dir, ["status", "--porcelain", "--untracked-files=all"]).split("\n").filter(Boolean).map((line) => line.slice(3)).sort();
}

describe("auditmod batch legacy-migration.yaml on examples/front", () => {
  it("--dry prints the exact diff and reports the emit it leaves alone; nothing is written", () => {
    const dir = copyToTempRepo(FRONT);
    const before = userFiles(dir);
    const r = runCli(["batch", "legacy-migration.yaml", "--dry"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(EXPECTED_DIFF);
    expect(summary(r.stderr)).toBe(NOT_MIGRATED + "auditmod: 2 would change, 34 unchanged, 0 skipped, 0 errors (36 files, 12 parsed, Ns)\n");
    expect(userFiles(dir)).toEqual(before);
  });

  it("changes in each emit only the removed and added property lines, plus the import", () => {
    const removed = EXPECTED_DIFF.split("\n").filter((line) => line.startsWith("-") && !line.startsWith("---"));
    const added = EXPECTED_DIFF.split("\n").filter((line) => line.startsWith("+") && !line.startsWith("+++"));
    expect(removed.map((line) => line.trim())).toEqual(["-  buildAuditActor,", "-    workspace: owner,", "-    actor: buildAuditActor(auth),", "-  buildAuditActor,", "-        workspace: owner,", "-        actor: buildAuditActor(auth),"].map((l) => l.trim()));
    expect(added.map((line) => line.trim())).toEqual(["+    auth,", "+        auth,"].map((l) => l.trim()));
  });

  it("writes what --patch describes; the result type-checks; a re-run changes nothing; undo restores every file", () => {
    const dir = copyToTempRepo(FRONT);
    const original = userFiles(dir);
    const patch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-migrate-")), "migration.patch");
    expect(runCli(["batch", "legacy-migration.yaml", "--dry", "--patch", patch], dir).status).toBe(0);
    expect(fs.readFileSync(patch, "utf8")).toBe(EXPECTED_DIFF);

    const r = runCli(["batch", "legacy-migration.yaml"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(summary(r.stderr)).toBe(NOT_MIGRATED + "auditmod: 2 changed, 34 unchanged, 0 skipped, 0 errors (36 files, 12 parsed, Ns)\n");
    expect(modifiedFiles(dir)).toEqual(LEGACY_FILES);
    const written = userFiles(dir);

    // The patch applied to a fresh copy gives byte for byte what the run wrote.
    const other = copyToTempRepo(FRONT);
    git(other, ["apply", patch]);
    expect(userFiles(other)).toEqual(written);

    expect(() => execFileSync(TSC, ["-p", path.join(dir, "tsconfig.json"), "--noEmit"], { encoding: "utf8", stdio: "pipe" })).not.toThrow();

    const again = runCli(["batch", "legacy-migration.yaml", "--dry"], dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe("");
    // The emit left alone is told again, two lines up now that the first route's emit lost a line.
    expect(summary(again.stderr)).toBe(NOT_MIGRATED.replace(":74:8", ":72:8") + "auditmod: 0 would change, 36 unchanged, 0 skipped, 0 errors (36 files, 12 parsed, Ns)\n");

    const undo = runCli(["undo"], dir);
    expect(undo.status).toBe(0);
    expect(undo.stdout).toBe(LEGACY_FILES.map((f) => `restored ${f}\n`).join(""));
    expect(userFiles(dir)).toEqual(original);
    expect(modifiedFiles(dir)).toEqual([]);
  });

  it("`auditmod migrate-call --spec` runs the same migration on the paths given", () => {
    const dir = copyToTempRepo(FRONT);
    fs.writeFileSync(
      path.join(dir, "..", `${path.basename(dir)}-spec.json`),
      JSON.stringify({ callee: "emitAuditLogEvent", import: "@app/lib/api/audit/workos_audit", match: { actor: "buildAuditActor($auth)" }, remove: ["workspace", "actor"], set: { auth: "$auth" } }),
    );
    const spec = path.join(dir, "..", `${path.basename(dir)}-spec.json`);
    const r = runCli(["migrate-call", "--spec", spec, "--dry", "pages"], dir);
    expect(r.status).toBe(0);
    const pagesPart = EXPECTED_DIFF.slice(EXPECTED_DIFF.indexOf("diff --git a/pages/"));
    expect(r.stdout).toBe(pagesPart);
    expect(summary(r.stderr)).toBe("auditmod: 1 would change, 6 unchanged, 0 skipped, 0 errors (7 files, 5 parsed, Ns)\n");
  });

  it("a bad spec is exit 2 with one line per problem; nothing is written", () => {
    const dir = copyToTempRepo(FRONT);
    const spec = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-migrate-spec-")), "bad.yaml");
    fs.writeFileSync(spec, 'callee: "emit(x)"\nmatch: { actor: "buildAuditActor(" }\nset: { auth: "$user" }\n');
    const before = userFiles(dir);
    const r = runCli(["migrate-call", "--spec", spec], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `auditmod: ${spec}: 3 problems, nothing was run:\n` +
        '  callee: expected "fn", "Obj.method" or "*.method", got "emit(x)"\n' +
        '  match.actor: "buildAuditActor(" is not an expression: Unexpected token\n' +
        "  set.auth: $user is not captured by any match pattern\n",
    );
    expect(userFiles(dir)).toEqual(before);
  });
});

describe("transforms/migrate-call.ts under jscodeshift's own runner", () => {
  it("takes the spec from --spec and prints the same migration", () => {
    const dir = copyToTempRepo(FRONT);
    const file = path.join(dir, "api/hono/trigger_toggles.ts");
    const before = fs.readFileSync(file, "utf8");
    fs.writeFileSync(
      path.join(dir, "legacy-migration-spec.yaml"),
      'callee: emitAuditLogEvent\nimport: "@app/lib/api/audit/workos_audit"\nmatch: { actor: "buildAuditActor($auth)" }\nremove: [workspace, actor]\nset: { auth: "$auth" }\n',
    );
    const out = execFileSync(
      process.execPath,
      [path.join(REPO_ROOT, "node_modules/jscodeshift/bin/jscodeshift.js"), "-t", path.join(REPO_ROOT, "transforms/migrate-call.ts"), "--parser=ts", "--dry", "--print", "--silent", `--spec=${path.join(dir, "legacy-migration-spec.yaml")}`, file],
      { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(out).toContain("  void emitAuditLogEvent({\n    auth,\n    action: \"trigger.updated\",\n    targets: [");
    // The import went; the emit it cannot migrate is reported through jscodeshift's api.report.
    expect(out).not.toContain("  buildAuditActor,\n");
    expect(out).toContain(`${file}:74:8 not migrated (emitAuditLogEvent)`);
    expect(out).toContain('actor: { type: "system", id: "trigger-scheduler", name: "Trigger Scheduler" }');
    expect(fs.readFileSync(file, "utf8")).toBe(before);
  });
});

