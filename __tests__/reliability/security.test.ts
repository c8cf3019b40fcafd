import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXERS } from "../../src/audit/transforms";
import { main } from "../../src/cli/main";
import { UsageError } from "../../src/engine/errors";
import { AUDIT_IMPORT, listTree, runInProcess, seededRandom, smallHandler, spawnCli, tempDir, writeTree } from "./helpers";

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, cwd });
  return { code, stdout, stderr };
}

/** Every path and its bytes (links as their target): proof that nothing was written. */
function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    listTree(dir).map((p) => {
      const abs = path.join(dir, p);
      const stat = fs.lstatSync(abs);
      if (stat.isSymbolicLink()) return [p, `-> ${fs.readlinkSync(abs)}`];
      return [p, stat.isDirectory() ? "/" : fs.readFileSync(abs, "base64")];
    }),
  );
}

const REGISTRY = `export type AuditAction = "space.updated";\nexport async function emitAuditLogEvent(_e: unknown): Promise<void> {}\n`;

function frontTree(): string {
  const dir = tempDir("auditmod-sec-");
  const random = seededRandom(21);
  writeTree(dir, {
    "lib/api/audit/workos_audit.ts": REGISTRY,
    "admin/audit_log_schemas/space.updated.json": `{\n  "action": "space.updated",\n  "targets": [{ "type": "workspace" }],\n  "metadata": {}\n}\n`,
    "pages/api/a.ts": smallHandler(random, 1),
    "pages/api/b.ts": smallHandler(random, 2),
  });
  return dir;
}

describe("--patch and --json: anywhere the user names, never into the tree the run transforms", () => {
  const refusal = (flag: string, rel: string, given: string) =>
    `auditmod: ${flag} would overwrite ${rel}, which lies in the tree this run transforms; write it outside the root or to a non-source file: ${given}\n`;

  it.each([
    ["a file the run transforms", "--patch", "pages/api/a.ts", "pages/api/a.ts"],
    ["a new source file under the root", "--json", "lib/report.ts", "lib/report.ts"],
    ["auditmod's state folder", "--json", ".auditmod/report.json", ".auditmod/report.json"],
    ["the schemas folder", "--patch", "admin/audit_log_schemas/x.patch", "admin/audit_log_schemas/x.patch"],
    ["the registry", "--json", "lib/api/audit/workos_audit.ts", "lib/api/audit/workos_audit.ts"],
    ["a link into the tree", "--patch", "pages/api/a.ts", "report.patch"],
  ])("%s: exit 2, nothing written, dry or not", async (_what, flag, rel, given) => {
    const dir = frontTree();
    if (given === "report.patch") fs.symlinkSync("pages/api/a.ts", path.join(dir, "report.patch"));
    const before = fingerprint(dir);
    for (const dry of [["--dry"], []]) {
      const r = await cli(["run", "await-to-void", "--root", dir, "--allow-dirty", ...dry, flag, given], dir);
      expect([r.code, r.stderr, r.stdout]).toEqual([2, refusal(flag, rel, path.join(dir, given)), ""]);
      expect(fingerprint(dir)).toEqual(before);
    }
  });

  it("the same file for both, or a folder: exit 2", async () => {
    const dir = frontTree();
    const out = tempDir("auditmod-out-");
    const same = await cli(["run", "await-to-void", "--root", dir, "--dry", "--patch", path.join(out, "r"), "--json", path.join(out, "r")], dir);
    expect([same.code, same.stderr]).toEqual([2, `auditmod: --json and --patch name the same file: ${path.join(out, "r")}\n`]);
    const folder = await cli(["run", "await-to-void", "--root", dir, "--dry", "--json", out], dir);
    expect([folder.code, folder.stderr]).toEqual([2, `auditmod: --json names a folder, not a file: ${out}\n`]);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it("a patch outside the root and a JSON report beside the sources (not a source file) are written", async () => {
    const dir = frontTree();
    const out = tempDir("auditmod-out-");
    const r = await cli(["run", "await-to-void", "--root", dir, "--allow-dirty", "--patch", path.join(out, "run.patch"), "--json", "auditmod-report.json"], dir);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(out, "run.patch"), "utf8")).toContain("+++ b/pages/api/a.ts\n");
    expect(JSON.parse(fs.readFileSync(path.join(dir, "auditmod-report.json"), "utf8")).written).toEqual(["pages/api/a.ts", "pages/api/b.ts"]);
  });
});

describe("a run never writes outside its root", () => {
  it("edits from a manifest, spec or config that point outside the root or through a link: exit 2 naming each, nothing written", async () => {
    const dir = frontTree();
    const outside = tempDir("auditmod-elsewhere-");
    fs.symlinkSync(outside, path.join(dir, "linked"));
    const before = fingerprint(dir);
    const absolute = path.join(outside, "abs.json");
    const run = runInProcess(dir, ["await-to-void"], {
      extraEdits: () => ({
        edits: [
          { file: "../escape.ts", before: null, after: "x\n" },
          { file: absolute, before: null, after: "x\n" },
          { file: "linked/schema.json", before: null, after: "x\n" },
          { file: "admin/../../escape-too.json", before: null, after: "x\n" },
        ],
        findings: [],
      }),
    });
    await expect(run).rejects.toThrow(
      new UsageError(
        `refusing to write outside the root ${dir}: ../escape.ts (outside the root), ${absolute} (an absolute path), linked/schema.json (through the symbolic link linked), admin/../../escape-too.json (outside the root); nothing was written`,
      ),
    );
    expect(fingerprint(dir)).toEqual(before);
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(fs.readdirSync(path.dirname(dir)).filter((n) => n.startsWith("escape"))).toEqual([]);
  });

  it("add-event with a schemas folder that is a link out of the root: exit 2, nothing written anywhere", async () => {
    const dir = frontTree();
    const outside = tempDir("auditmod-schemas-elsewhere-");
    fs.symlinkSync(outside, path.join(dir, "schemas-link"));
    fs.writeFileSync(path.join(dir, "auditmod.config.json"), `${JSON.stringify({ schemasDir: "schemas-link" })}\n`);
    const before = fingerprint(dir);
    const r = await cli(["add-event", "space.archived", "--root", dir, "--allow-dirty"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`auditmod: refusing to write outside the root ${dir}: schemas-link/space.archived.json (through the symbolic link schemas-link); nothing was written\n`);
    expect(fingerprint(dir)).toEqual(before);
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it("a folder linked from outside is never entered; naming a path through it is exit 2", async () => {
    const dir = frontTree();
    const outside = tempDir("auditmod-linked-src-");
    writeTree(outside, { "victim.ts": smallHandler(seededRandom(3), 3) });
    fs.symlinkSync(outside, path.join(dir, "pages", "vendor"));
    const victim = fs.readFileSync(path.join(outside, "victim.ts"), "utf8");
    const all = await cli(["run", "await-to-void", "--root", dir, "--allow-dirty"], dir);
    expect(all.code).toBe(0);
    expect(all.stderr).toContain("auditmod: 2 changed, 1 unchanged, 0 skipped, 0 errors (3 files,");
    const named = await cli(["run", "await-to-void", "--root", dir, "--allow-dirty", "pages/vendor/victim.ts"], dir);
    expect([named.code, named.stderr]).toEqual([2, `auditmod: path lies outside the root ${dir}: ${path.join(dir, "pages/vendor/victim.ts")}\n`]);
    expect(fs.readFileSync(path.join(outside, "victim.ts"), "utf8")).toBe(victim);
  });

  it.each([[".auditmod"], [".auditmod/runs"]])("%s planted as a link out of the root: a writing run refuses (exit 2), nothing written anywhere", async (planted) => {
    const dir = frontTree();
    const outside = tempDir("auditmod-state-elsewhere-");
    fs.mkdirSync(path.dirname(path.join(dir, planted)), { recursive: true });
    fs.symlinkSync(outside, path.join(dir, planted));
    const before = fingerprint(dir);
    const r = await cli(["run", "await-to-void", "--root", dir, "--allow-dirty"], dir);
    expect([r.code, r.stderr]).toEqual([2, `auditmod: ${path.join(dir, planted)} exists and is not a folder (auditmod keeps its lock and undo journal there; a link is not followed)\n`]);
    expect(fingerprint(dir)).toEqual(planted === ".auditmod" ? before : { ...before, ".auditmod/.gitignore": fingerprint(dir)[".auditmod/.gitignore"] });
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it("--root given as a link works on the folder it names, and writes only there", async () => {
    const dir = frontTree();
    const holder = tempDir("auditmod-rootlink-");
    fs.symlinkSync(dir, path.join(holder, "front"));
    const r = await cli(["run", "await-to-void", "--root", "front", "--allow-dirty"], holder);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "pages/api/a.ts"), "utf8")).toContain("void emitAuditLogEvent");
    expect(fs.readdirSync(holder)).toEqual(["front"]);
  });
});

describe("the config is validated", () => {
  it.each([
    [{ registy: "lib/x.ts" }, "<root>/auditmod.config.json: (top level): Unrecognized key(s) in object: 'registy'"],
    [{ registry: "../outside.ts" }, "auditmod.config.json: registry lies outside the root: ../outside.ts"],
    [{ schemasDir: "/etc" }, "auditmod.config.json: schemasDir lies outside the root: /etc"],
    [{ maxFileSize: -1 }, "<root>/auditmod.config.json: maxFileSize: Number must be greater than 0"],
  ])("%j: exit 2, one clear line, nothing written", async (config, problem) => {
    const dir = frontTree();
    fs.writeFileSync(path.join(dir, "auditmod.config.json"), `${JSON.stringify(config)}\n`);
    const before = fingerprint(dir);
    const r = await cli(["run", "await-to-void", "--root", dir, "--allow-dirty"], dir);
    expect([r.code, r.stderr]).toEqual([2, `auditmod: ${problem.replace("<root>", dir)}\n`]);
    expect(fingerprint(dir)).toEqual(before);
  });
});

describe("auditmod never runs code from the repository it transforms", () => {
  it("top-level code, config files and look-alike dependencies in the root are read as text only", async () => {
    const dir = tempDir("auditmod-evil-");
    const markers = tempDir("auditmod-markers-");
    const evil = (name: string) => `require("node:fs").writeFileSync(${JSON.stringify(path.join(markers, name))}, "evaluated");\n`;
    const handler = `${AUDIT_IMPORT}
import "./side-effect";

${evil("handler.ts").replace("require", "void require")}
export async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  await emitAuditLogEvent({ auth, action: "space.updated", targets: [], context: getAuditLogContext(auth, req) });
  return res.status(200).json({ ok: true });
}
`;
    const dependency = (name: string) => ({
      [`node_modules/${name}/package.json`]: `${JSON.stringify({ name, version: "99.0.0", main: "index.js" })}\n`,
      [`node_modules/${name}/index.js`]: evil(`node_modules-${name.replace("/", "-")}`),
    });
    writeTree(dir, {
      "lib/api/audit/workos_audit.ts": `${evil("registry.ts")}${REGISTRY}`,
      "pages/api/handler.ts": handler,
      "pages/api/side-effect.ts": evil("side-effect.ts"),
      "package.json": `${JSON.stringify({ name: "front", main: "main.js", scripts: { postinstall: "node main.js" } })}\n`,
      "main.js": evil("main.js"),
      "tsconfig.json": `${JSON.stringify({ compilerOptions: { strict: true, plugins: [{ name: "evil-plugin" }] } })}\n`,
      "babel.config.js": evil("babel.config.js"),
      ".babelrc.js": evil(".babelrc.js"),
      "auditmod.config.js": evil("auditmod.config.js"),
      "jscodeshift.config.js": evil("jscodeshift.config.js"),
      ".eslintrc.js": evil(".eslintrc.js"),
      "prettier.config.js": evil("prettier.config.js"),
      ...["@babel/parser", "jscodeshift", "recast", "typescript", "ts-morph", "yargs", "zod", "evil-plugin"].reduce((acc, name) => ({ ...acc, ...dependency(name) }), {}),
    });
    const names = FIXERS.map((t) => t.name);

    // The markers work: evaluating one of these files does leave its marker.
    execFileSync(process.execPath, [path.join(dir, "main.js")]);
    expect(fs.readdirSync(markers)).toEqual(["main.js"]);
    fs.rmSync(path.join(markers, "main.js"));

    // Every transform, with the type checker (dry); then a writing run.
    const all = await spawnCli(["run", ...names, "--typecheck", "--dry"], dir);
    expect(all.code).toBe(0);
    const run = await spawnCli(["run", "await-to-void", "--allow-dirty"], dir);
    expect([run.code, run.stderr.match(/^auditmod: .*$/m)?.[0].replace(/ \d+\.\d+s\)$/, "")]).toEqual([0, "auditmod: 1 changed, 7 unchanged, 0 skipped, 0 errors (8 files, 1 parsed,"]);
    expect(fs.readFileSync(path.join(dir, "pages/api/handler.ts"), "utf8")).toBe(handler.replace("await emitAuditLogEvent", "void emitAuditLogEvent"));
    const check = await spawnCli(["check"], dir);
    expect([0, 1]).toContain(check.code);
    const addEvent = await spawnCli(["add-event", "space.archived", "--dry"], dir);
    expect(addEvent.code).toBe(0);
    const undo = await spawnCli(["undo"], dir);
    expect(undo.code).toBe(0);

    expect(fs.readdirSync(markers)).toEqual([]);
  });
});
