import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { git, makeTempRepo, REPO_ROOT, runCli, snapshotTree, writeFiles } from "../helpers/cli";

const REGISTRY = `export type AuditAction = "space.deleted" | "api_key.revoked";
export async function emitAuditLogEvent(_event: unknown): Promise<void> {}
`;

const HANDLER = `import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";

export async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  switch (req.method) {
    case "DELETE": {
      await space.delete(auth);
      await emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });
      return res.status(204).end();
    }
  }
}
`;

const HONO = `import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";

app.delete("/:keyId", async (ctx) => {
  const auth = ctx.get("auth");
  const pending = emitAuditLogEvent({ auth, action: "api_key.revoked", targets: [] });
  return ctx.body(null, 204);
});
`;

const PLAIN = `export const add = (a: number, b: number) => (a + b) * 2;\n`;

function baseTree(): Record<string, string | Buffer> {
  return {
    "lib/api/audit/workos_audit.ts": REGISTRY,
    "pages/api/w/[wId]/spaces/[spaceId]/index.ts": HANDLER,
    "api/hono/keys.ts": HONO,
    "lib/utils.ts": PLAIN,
  };
}

const EXPECTED_DIFF = `diff --git a/pages/api/w/[wId]/spaces/[spaceId]/index.ts b/pages/api/w/[wId]/spaces/[spaceId]/index.ts
--- a/pages/api/w/[wId]/spaces/[spaceId]/index.ts
+++ b/pages/api/w/[wId]/spaces/[spaceId]/index.ts
@@ -4,7 +4,7 @@
   switch (req.method) {
     case "DELETE": {
       await space.delete(auth);
-      await emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });
+      void emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });
       return res.status(204).end();
     }
   }
`;

describe("auditmod run", () => {
  it("--dry prints the exact diff, reports, exits 0 and writes nothing", () => {
    const dir = makeTempRepo(baseTree());
    const before = snapshotTree(dir);
    const r = runCli(["run", "await-to-void", "--dry"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(EXPECTED_DIFF);
    expect(r.stderr).toContain("api/hono/keys.ts:5:19  warning  [await-to-void] emitAuditLogEvent result is assigned (AUDIT1); not rewritten: emit with `void` as a statement\n");
    expect(r.stderr).toMatch(/auditmod: 1 would change, 3 unchanged, 0 skipped, 0 errors \(4 files, 2 parsed, [\d.]+s\)\n$/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("writes the change, and a second run changes nothing", () => {
    const dir = makeTempRepo(baseTree());
    const first = runCli(["run", "await-to-void"], dir);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/auditmod: 1 changed, 3 unchanged/);
    const file = path.join(dir, "pages/api/w/[wId]/spaces/[spaceId]/index.ts");
    expect(fs.readFileSync(file, "utf8")).toBe(HANDLER.replace("      await emitAuditLogEvent", "      void emitAuditLogEvent"));
    git(dir, ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qam", "fix"]);
    const second = runCli(["run", "await-to-void"], dir);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/auditmod: 0 changed, 4 unchanged/);
  });

  it("--patch writes a patch that git apply accepts and that equals a real run", () => {
    const dir = makeTempRepo(baseTree());
    const patch = path.join(dir, "..", `${path.basename(dir)}.patch`);
    const r = runCli(["run", "await-to-void", "--dry", "--patch", patch], dir);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(patch, "utf8")).toBe(EXPECTED_DIFF);
    execFileSync("git", ["apply", "--check", patch], { cwd: dir });
    execFileSync("git", ["apply", patch], { cwd: dir });
    const applied = snapshotTree(dir);
    git(dir, ["checkout", "-q", "--", "."]);
    runCli(["run", "await-to-void"], dir);
    expect(snapshotTree(dir)).toEqual(applied);
  });

  it("patch paths are relative to the git top level when the root is a subfolder", () => {
    const tree = Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`front/${k}`, v]));
    const dir = makeTempRepo(tree);
    const patch = path.join(dir, "..", `${path.basename(dir)}-sub.patch`);
    const r = runCli(["run", "await-to-void", "--dry", "--root", "front", "--patch", patch], dir);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(patch, "utf8")).toContain("--- a/front/pages/api/w/[wId]/spaces/[spaceId]/index.ts\n");
    execFileSync("git", ["apply", "--check", patch], { cwd: dir });
  });

  it("refuses to write over uncommitted changes (exit 2, nothing written) unless --allow-dirty", () => {
    const dir = makeTempRepo(baseTree());
    const file = "pages/api/w/[wId]/spaces/[spaceId]/index.ts";
    fs.appendFileSync(path.join(dir, file), "// local edit\n");
    const before = snapshotTree(dir);
    const refused = runCli(["run", "await-to-void"], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`auditmod: refusing to write: git shows uncommitted changes in 1 file(s) this run would change: ${file} (commit or stash them, or pass --allow-dirty)\n`);
    expect(snapshotTree(dir)).toEqual(before);
    const allowed = runCli(["run", "await-to-void", "--allow-dirty"], dir);
    expect(allowed.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, file), "utf8")).toContain("      void emitAuditLogEvent");
  });

  it("a file that does not parse is reported with its line and left byte for byte; --fail-on-error exits 1", () => {
    const broken = `import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";\nexport async function f(auth: Authenticator) {\n  await emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });\n  const x = ;\n}\n`;
    const dir = makeTempRepo({ ...baseTree(), "lib/broken.ts": broken });
    const r = runCli(["run", "await-to-void"], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("lib/broken.ts  error: cannot parse (line 4, column 13): Unexpected token\n");
    expect(r.stderr).toMatch(/1 changed, 3 unchanged, 0 skipped, 1 errors/);
    expect(fs.readFileSync(path.join(dir, "lib/broken.ts"), "utf8")).toBe(broken);
    git(dir, ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qam", "fix"]);
    const strict = runCli(["run", "await-to-void", "--fail-on-error"], dir);
    expect(strict.status).toBe(1);
  });

  it("keeps CRLF line endings, the BOM and the file mode", () => {
    const crlf = "\ufeff" + HANDLER.replace(/\n/g, "\r\n");
    const dir = makeTempRepo({ "lib/api/audit/workos_audit.ts": REGISTRY, "lib/crlf.ts": crlf });
    fs.chmodSync(path.join(dir, "lib/crlf.ts"), 0o755);
    git(dir, ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qam", "mode"]);
    const r = runCli(["run", "await-to-void"], dir);
    expect(r.status).toBe(0);
    const out = fs.readFileSync(path.join(dir, "lib/crlf.ts"), "utf8");
    expect(out).toBe(crlf.replace("      await emitAuditLogEvent", "      void emitAuditLogEvent"));
    expect(fs.statSync(path.join(dir, "lib/crlf.ts")).mode & 0o777).toBe(0o755);
  });

  it.each([
    [["run", "no-such-fixer"], 'auditmod: unknown transform "no-such-fixer" (known: '],
    [["run", "await-to-void", "--bogus"], "auditmod: Unknown argument: bogus\n"],
    [["run", "await-to-void", "does/not/exist"], "auditmod: path does not exist: does/not/exist\n"],
    [["run", "await-to-void", "--shard", "3/2"], 'auditmod: --shard must be i/n with 1 <= i <= n, got "3/2"\n'],
    [["run", "await-to-void", "--since", "no-such-rev"], 'auditmod: --since: unknown git revision "no-such-rev"\n'],
    [["frobnicate"], "auditmod: Unknown argument: frobnicate\n"],
  ])("bad usage %j: one clear line, exit 2, nothing written", (args, message) => {
    const dir = makeTempRepo(baseTree());
    const before = snapshotTree(dir);
    const r = runCli(args, dir);
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("--since takes only files changed since the revision", () => {
    const dir = makeTempRepo(baseTree());
    writeFiles(dir, { "lib/late.ts": HANDLER });
    const r = runCli(["run", "await-to-void", "--dry", "--since", "HEAD"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("+++ b/lib/late.ts\n");
    expect(r.stdout).not.toContain("pages/api");
    expect(r.stderr).toMatch(/\(1 files, 1 parsed/);
  });

  it("--shard i/n splits the files into disjoint, stable slices that cover them all", () => {
    const tree = baseTree();
    for (let i = 0; i < 12; i++) tree[`lib/gen/f${i}.ts`] = HANDLER;
    const dir = makeTempRepo(tree);
    const changedIn = (shard: string) => {
      const json = path.join(dir, "..", `${path.basename(dir)}-${shard.replace("/", "of")}.json`);
      expect(runCli(["run", "await-to-void", "--dry", "--shard", shard, "--json", json], dir).status).toBe(0);
      return (JSON.parse(fs.readFileSync(json, "utf8")).files as { file: string }[]).map((f) => f.file);
    };
    const a = changedIn("1/2");
    const b = changedIn("2/2");
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.filter((f) => b.includes(f))).toEqual([]);
    expect([...a, ...b].sort()).toEqual(Object.keys(tree).sort());
    expect(changedIn("1/2")).toEqual(a);
  });

  it("--json writes the machine report", () => {
    const dir = makeTempRepo(baseTree());
    const json = path.join(dir, "..", `${path.basename(dir)}.json`);
    expect(runCli(["run", "await-to-void", "--dry", "--json", json], dir).status).toBe(0);
    const report = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(report.summary).toEqual({ files: 4, changed: 1, unchanged: 3, skipped: 0, error: 0 });
    expect(report.files).toEqual([
      { file: "api/hono/keys.ts", status: "unchanged" },
      { file: "lib/api/audit/workos_audit.ts", status: "unchanged" },
      { file: "lib/utils.ts", status: "unchanged" },
      { file: "pages/api/w/[wId]/spaces/[spaceId]/index.ts", status: "changed" },
    ]);
    expect(report.findings).toEqual([
      { file: "api/hono/keys.ts", line: 5, column: 19, step: "await-to-void", severity: "warning", message: "emitAuditLogEvent result is assigned (AUDIT1); not rewritten: emit with `void` as a statement" },
    ]);
  });

  it("skips node_modules, build output, .d.ts and .gitignored files", () => {
    const dir = makeTempRepo({
      ...baseTree(),
      ".gitignore": "generated/\n",
      "generated/x.ts": HANDLER,
      "node_modules/pkg/index.ts": HANDLER,
      "dist/x.ts": HANDLER,
      "types/x.d.ts": HANDLER,
      "lib/nested/.gitignore": "local.ts\n",
      "lib/nested/local.ts": HANDLER,
    });
    const r = runCli(["run", "await-to-void", "--dry"], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/\(4 files, 2 parsed/);
  });

  it("output and reports are the same whatever the number of worker threads", () => {
    const tree = baseTree();
    // Enough files to parse that --jobs 2 really uses worker threads (small runs stay in-process).
    for (let i = 0; i < 150; i++) tree[`lib/gen/handler_${String(i).padStart(3, "0")}.ts`] = i % 3 === 0 ? HONO : HANDLER;
    const dir = makeTempRepo(tree);
    const one = runCli(["run", "await-to-void", "--dry", "--jobs", "1"], dir);
    const two = runCli(["run", "await-to-void", "--dry", "--jobs", "2"], dir);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const strip = (s: string) => s.replace(/, [\d.]+s\)/, ")");
    expect(strip(two.stderr)).toBe(strip(one.stderr));
    expect(one.stdout.match(/^diff --git/gm)).toHaveLength(101);
    expect(two.stderr).toMatch(/\(154 files, 152 parsed/);
  });

  it("list names every transform", () => {
    const r = runCli(["list"], REPO_ROOT);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^await-to-void {2}/m);
  });
});

describe("transforms/ under jscodeshift's own runner", () => {
  it("npx jscodeshift -t transforms/await-to-void.ts --parser=tsx runs the transform unchanged", () => {
    const dir = makeTempRepo(baseTree());
    const file = path.join(dir, "pages/api/w/[wId]/spaces/[spaceId]/index.ts");
    const out = execFileSync(
      process.execPath,
      [path.join(REPO_ROOT, "node_modules/jscodeshift/bin/jscodeshift.js"), "-t", path.join(REPO_ROOT, "transforms/await-to-void.ts"), "--parser=tsx", "--dry", "--print", "--silent", file],
      { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(out).toContain("      void emitAuditLogEvent({ auth, action: \"space.deleted\", targets: [] });");
    expect(fs.readFileSync(file, "utf8")).toBe(HANDLER);
  });
});
