import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { reviewHunks } from "../../src/cli/interactive";
import { colourDiff } from "../../src/engine/diff";
import { applyAcceptedHunks, fileHunks } from "../../src/engine/hunks";
import { BIN, copyToTempRepo, makeTempRepo, REPO_ROOT, runCli, snapshotTree } from "../helpers/cli";

/** The built CLI with `answers` on its stdin (a pipe, not a TTY), as a script or CI would drive it. */
function runWithAnswers(args: string[], cwd: string, answers: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input: answers, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const REGISTRY = 'export type AuditAction = "space.deleted" | "group.member_removed";\n';

/** A handler with two awaited emits far apart: two hunks for await-to-void. */
const TWO_EMITS = [
  'import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";',
  "",
  "export async function removeMember(auth: Authenticator, group: GroupResource, user: UserResource) {",
  "  const r = await group.removeMember(auth, user);",
  "  if (r.isErr()) {",
  "    return new Err(r.error);",
  "  }",
  '  await emitAuditLogEvent({ auth, action: "group.member_removed", targets: [] });',
  "  return new Ok(undefined);",
  "}",
  "",
  "export async function deleteSpace(auth: Authenticator, space: SpaceResource) {",
  "  const r = await space.delete(auth);",
  "  if (r.isErr()) {",
  "    return new Err(r.error);",
  "  }",
  '  await emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });',
  "  return new Ok(undefined);",
  "}",
  "",
].join("\n");

const ONE_EMIT = [
  'import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";',
  "",
  'app.delete("/:sId", async (ctx) => {',
  '  const auth = ctx.get("auth");',
  "  await space.delete(auth);",
  '  await emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });',
  "  return ctx.body(null, 204);",
  "});",
  "",
].join("\n");

const tree = () => ({ "lib/api/audit/workos_audit.ts": REGISTRY, "lib/groups.ts": TWO_EMITS, "api/hono/spaces.ts": ONE_EMIT });

const HUNK_1 = [
  "@@ -5,7 +5,7 @@",
  "   if (r.isErr()) {",
  "     return new Err(r.error);",
  "   }",
  '-  await emitAuditLogEvent({ auth, action: "group.member_removed", targets: [] });',
  '+  void emitAuditLogEvent({ auth, action: "group.member_removed", targets: [] });',
  "   return new Ok(undefined);",
  " }",
  " ",
];
const HUNK_2 = [
  "@@ -14,6 +14,6 @@",
  "   if (r.isErr()) {",
  "     return new Err(r.error);",
  "   }",
  '-  await emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });',
  '+  void emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });',
  "   return new Ok(undefined);",
  " }",
];
const HONO_HUNK = [
  "@@ -3,6 +3,6 @@",
  ' app.delete("/:sId", async (ctx) => {',
  '   const auth = ctx.get("auth");',
  "   await space.delete(auth);",
  '-  await emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });',
  '+  void emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });',
  "   return ctx.body(null, 204);",
  " });",
];

describe("--interactive", () => {
  it("asks y/n per hunk, writes only the accepted ones through the journal, leaves a fully refused file untouched, and undo restores", () => {
    const dir = makeTempRepo(tree());
    const before = snapshotTree(dir);
    const r = runWithAnswers(["run", "await-to-void", "--interactive"], dir, "n\ny\nn\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        "diff --git a/api/hono/spaces.ts b/api/hono/spaces.ts",
        ...HONO_HUNK,
        "(1/1) Apply this hunk to api/hono/spaces.ts [y,n,a,q,?]? n",
        "diff --git a/lib/groups.ts b/lib/groups.ts",
        ...HUNK_1,
        "(1/2) Apply this hunk to lib/groups.ts [y,n,a,q,?]? y",
        ...HUNK_2,
        "(2/2) Apply this hunk to lib/groups.ts [y,n,a,q,?]? n",
        "",
      ].join("\n"),
    );
    expect(r.stderr).toBe("api/hono/spaces.ts  skipped: every hunk refused (--interactive)\nauditmod: 1 changed, 1 unchanged, 1 skipped, 0 errors (3 files, 2 parsed, X)\n".replace("X", /\(3 files, 2 parsed, ([\d.]+s)\)/.exec(r.stderr)?.[1] ?? "?s"));
    const after = snapshotTree(dir);
    expect(after.get("api/hono/spaces.ts")).toEqual(before.get("api/hono/spaces.ts"));
    expect(after.get("lib/groups.ts")!.toString("utf8")).toBe(TWO_EMITS.replace('  await emitAuditLogEvent({ auth, action: "group.member_removed"', '  void emitAuditLogEvent({ auth, action: "group.member_removed"'));

    const list = runCli(["undo", "--list"], dir);
    expect(list.stdout).toMatch(/^\S+ {2}\S+ {2}run await-to-void {2}\(complete, 1 of 1 file\(s\) written\)\n$/);
    expect(runCli(["undo"], dir).status).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("a accepts the rest of the file, q refuses everything after it; the end of the input counts as q", () => {
    const dir = makeTempRepo(tree());
    const before = snapshotTree(dir);
    const r = runWithAnswers(["run", "await-to-void", "--interactive"], dir, "q\n");
    expect(r.stdout).toBe(["diff --git a/api/hono/spaces.ts b/api/hono/spaces.ts", ...HONO_HUNK, "(1/1) Apply this hunk to api/hono/spaces.ts [y,n,a,q,?]? q", ""].join("\n"));
    expect(snapshotTree(dir)).toEqual(before);
    expect(fs.existsSync(path.join(dir, ".auditmod"))).toBe(false);

    const accepted = runWithAnswers(["run", "await-to-void", "--interactive"], dir, "?\ny\na\n");
    expect(accepted.stdout).toBe(
      [
        "diff --git a/api/hono/spaces.ts b/api/hono/spaces.ts",
        ...HONO_HUNK,
        "(1/1) Apply this hunk to api/hono/spaces.ts [y,n,a,q,?]? ?",
        "y - apply this hunk",
        "n - do not apply this hunk",
        "a - apply this hunk and every later hunk of this file",
        "q - quit; do not apply this hunk or any later one",
        "(1/1) Apply this hunk to api/hono/spaces.ts [y,n,a,q,?]? y",
        "diff --git a/lib/groups.ts b/lib/groups.ts",
        ...HUNK_1,
        "(1/2) Apply this hunk to lib/groups.ts [y,n,a,q,?]? a",
        "",
      ].join("\n"),
    );
    expect(fs.readFileSync(path.join(dir, "lib/groups.ts"), "utf8")).toBe(TWO_EMITS.replace(/ {2}await emitAuditLogEvent/g, "  void emitAuditLogEvent"));
    expect(fs.readFileSync(path.join(dir, "api/hono/spaces.ts"), "utf8")).toBe(ONE_EMIT.replace("  await emitAuditLogEvent", "  void emitAuditLogEvent"));

    const eof = makeTempRepo(tree());
    const eofBefore = snapshotTree(eof);
    const ended = runWithAnswers(["run", "await-to-void", "--interactive"], eof, "");
    expect(ended.stdout).toBe(["diff --git a/api/hono/spaces.ts b/api/hono/spaces.ts", ...HONO_HUNK, "(1/1) Apply this hunk to api/hono/spaces.ts [y,n,a,q,?]? ", ""].join("\n"));
    expect(snapshotTree(eof)).toEqual(eofBefore);
  });

  it("add-event --interactive: the registry hunk accepted, the new schema file refused (never created)", () => {
    const dir = makeTempRepo(tree());
    const r = runWithAnswers(["add-event", "space.archived", "--target", "space", "--interactive"], dir, "y\nn\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        "diff --git a/lib/api/audit/workos_audit.ts b/lib/api/audit/workos_audit.ts",
        "@@ -1,1 +1,1 @@",
        '-export type AuditAction = "space.deleted" | "group.member_removed";',
        '+export type AuditAction = "space.deleted" | "space.archived" | "group.member_removed";',
        "(1/1) Apply this hunk to lib/api/audit/workos_audit.ts [y,n,a,q,?]? y",
        "diff --git a/admin/audit_log_schemas/space.archived.json b/admin/audit_log_schemas/space.archived.json",
        "new file",
        "@@ -0,0 +1,11 @@",
        ...'{\n  "action": "space.archived",\n  "targets": [\n    {\n      "type": "workspace"\n    },\n    {\n      "type": "space"\n    }\n  ]\n}'.split("\n").map((l) => `+${l}`),
        "(1/1) Apply this hunk to admin/audit_log_schemas/space.archived.json [y,n,a,q,?]? n",
        "space.archived: registered in lib/api/audit/workos_audit.ts; did not create admin/audit_log_schemas/space.archived.json (refused)",
        "",
      ].join("\n"),
    );
    expect(fs.readFileSync(path.join(dir, "lib/api/audit/workos_audit.ts"), "utf8")).toContain('"space.archived"');
    expect(fs.existsSync(path.join(dir, "admin/audit_log_schemas/space.archived.json"))).toBe(false);
  });

  it("batch --interactive: `a` for every file writes exactly what the batch writes; the end of the input writes nothing", () => {
    const front = path.join(REPO_ROOT, "examples", "front");
    const plain = copyToTempRepo(front);
    expect(runCli(["batch", "audit-batch.yaml"], plain).status).toBe(0);
    const reviewed = copyToTempRepo(front);
    const r = runWithAnswers(["batch", "audit-batch.yaml", "--interactive"], reviewed, "a\n".repeat(40));
    expect(r.status).toBe(0);
    expect(snapshotTree(reviewed)).toEqual(snapshotTree(plain));
    // One question per file: `a` takes the rest of its hunks.
    const asked = (r.stdout.match(/\[y,n,a,q,\?\]\? a$/gm) ?? []).length;
    expect(asked).toBe((r.stdout.match(/^diff --git /gm) ?? []).length);
    expect(asked).toBeGreaterThan(5);

    const refused = copyToTempRepo(front);
    const before = snapshotTree(refused);
    expect(runWithAnswers(["batch", "audit-batch.yaml", "--interactive"], refused, "").status).toBe(0);
    expect(snapshotTree(refused)).toEqual(before);
    expect(fs.existsSync(path.join(refused, ".auditmod"))).toBe(false);
  });

  it("ends once the review is over even though stdin stays open (as a terminal's does)", async () => {
    const dir = makeTempRepo(tree());
    const child = spawn(process.execPath, [BIN, "run", "await-to-void", "--interactive"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, stdio: ["pipe", "pipe", "pipe"] });
    try {
      child.stdin.write("y\ny\ny\n");
      const status = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(status).toBe(0);
      expect(fs.readFileSync(path.join(dir, "lib/groups.ts"), "utf8")).toBe(TWO_EMITS.replace(/ {2}await emitAuditLogEvent/g, "  void emitAuditLogEvent"));
    } finally {
      if (child.exitCode === null) child.kill();
    }
  });

  it("--interactive with --dry is bad usage (exit 2) and writes nothing", () => {
    const dir = makeTempRepo(tree());
    const before = snapshotTree(dir);
    expect(runWithAnswers(["run", "await-to-void", "--interactive", "--dry"], dir, "y\n")).toEqual({
      status: 2,
      stdout: "",
      stderr: "auditmod: --interactive asks which hunks to write; --dry writes nothing: pass one of them\n",
    });
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe("hunks", () => {
  it("applies any subset of hunks, keeping CRLF, mixed endings and a BOM", () => {
    const lines = (n: number, eol: (i: number) => string) => Array.from({ length: n }, (_, i) => `line ${i}${eol(i)}`).join("");
    for (const eol of [() => "\n", () => "\r\n", (i: number) => (i % 2 ? "\r\n" : "\n")]) {
      const before = `\uFEFF${lines(20, eol)}`;
      const after = before.replace("line 2", "LINE 2").replace("line 17", "LINE 17");
      const patch = fileHunks(before, after);
      expect(patch.hunks).toHaveLength(2);
      expect(applyAcceptedHunks(before, patch, [true, true])).toBe(after);
      expect(applyAcceptedHunks(before, patch, [true, false])).toBe(before.replace("line 2", "LINE 2"));
      expect(applyAcceptedHunks(before, patch, [false, true])).toBe(before.replace("line 17", "LINE 17"));
    }
  });

  it("colours the hunks on a TTY", async () => {
    const written: string[] = [];
    const answers = ["y"];
    const reviewed = await reviewHunks([{ file: "a.ts", before: "a\n", after: "b\n" }], { write: (t) => written.push(t), readLine: async () => answers.shift() ?? null, color: true, echo: false });
    expect(reviewed).toEqual([{ file: "a.ts", before: "a\n", after: "b\n" }]);
    // colourDiff paints as the `--dry` diff does (picocolors, which honours NO_COLOR).
    expect(written).toEqual([colourDiff("diff --git a/a.ts b/a.ts\n"), colourDiff("@@ -1,1 +1,1 @@\n-a\n+b\n"), "(1/1) Apply this hunk to a.ts [y,n,a,q,?]? "]);
  });
});
