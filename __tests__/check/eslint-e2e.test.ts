import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { RULES } from "../../src/check/rules";
import { REPO_ROOT, runCli, snapshotTree } from "../helpers/cli";

// The binary `npx eslint` runs (eslint's `exports` do not expose bin/ to require.resolve).
const ESLINT = path.join(REPO_ROOT, "node_modules", "eslint", "bin", "eslint.js");
const FRONT = path.join(REPO_ROOT, "examples", "front");

interface EslintResult {
  filePath: string;
  messages: { line: number; ruleId: string | null; message: string }[];
}

function eslint(args: string[], cwd: string): { status: number | null; results: EslintResult[]; stderr: string } {
  const r = spawnSync(process.execPath, [ESLINT, "--no-config-lookup", "--format", "json", ...args], { cwd, encoding: "utf8" });
  return { status: r.status, results: r.stdout ? (JSON.parse(r.stdout) as EslintResult[]) : [], stderr: r.stderr };
}

/** `file:line AUDITn` for each message, the id read from the message's own prefix. */
function eslintFindings(results: EslintResult[], root: string): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath).split(path.sep).join("/")}:${m.line} ${/^(AUDIT\d+): /.exec(m.message)?.[1] ?? m.message}`)).sort();
}

describe("the eslint binary with auditmod's recommended config", () => {
  it("reports on examples/front the same (file, line, AUDIT id) set as `auditmod check` does for source files", () => {
    const lint = eslint(["-c", "__tests__/check/data/eslint.config.mjs", "examples/front"], REPO_ROOT);
    expect(lint.stderr).toBe("");
    expect(lint.status).toBe(1);
    const check = runCli(["check", "examples/front", "--format", "json"], REPO_ROOT);
    // Source files only (ESLint does not lint the JSON schemas); infos have no ESLint level.
    const fromCheck = (JSON.parse(check.stdout) as { file: string; line: number; rule: string; severity: string }[])
      .filter((d) => /\.[mc]?tsx?$/.test(d.file) && d.severity !== "info")
      .map((d) => `${d.file}:${d.line} ${d.rule}`);
    expect(fromCheck.length).toBeGreaterThan(10);
    expect(eslintFindings(lint.results, FRONT)).toEqual([...fromCheck].sort());
  });

  it("--fix writes what `auditmod run` of the same fixers writes, and leaves the findings no fixer repairs", () => {
    const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-eslint-fix-")));
    try {
      fs.cpSync(FRONT, path.join(tmp, "eslint"), { recursive: true });
      fs.cpSync(FRONT, path.join(tmp, "auditmod"), { recursive: true });
      const plugin = pathToFileURL(path.join(REPO_ROOT, "dist", "src", "eslint-plugin", "index.js")).href;
      fs.writeFileSync(path.join(tmp, "eslint.config.mjs"), `import auditmod from ${JSON.stringify(plugin)};\nexport default [auditmod.configs.recommended];\n`);
      const fixed = eslint(["-c", "eslint.config.mjs", "--fix", "eslint"], tmp);
      expect(fixed.stderr).toBe("");
      const run = runCli(["run", "await-to-void", "workspace-target", "stringify-metadata", "audit-context", "--root", path.join(tmp, "auditmod"), "--allow-dirty"], tmp);
      expect(run.status).toBe(0);
      expect(snapshotTree(path.join(tmp, "eslint"))).toEqual(snapshotTree(path.join(tmp, "auditmod")));
      expect(eslintFindings(fixed.results, path.join(tmp, "eslint"))).toEqual([
        "api/hono/api_keys.ts:114 AUDIT3",
        "api/hono/spaces.ts:97 AUDIT3",
        "api/hono/spaces.ts:97 AUDIT8",
        "api/hono/triggers.ts:21 AUDIT1",
        "api/hono/triggers.ts:31 AUDIT10",
        "lib/api/audit/workos_audit.ts:25 AUDIT3",
        "lib/api/audit/workos_audit.ts:31 AUDIT8",
        "pages/api/w/[wId]/domains.ts:81 AUDIT9",
      ]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe("package entry points", () => {
  it("`auditmod` (main) and `auditmod/eslint-plugin` resolve through the package's exports", () => {
    const script = 'const a = require("auditmod"); const p = require("auditmod/eslint-plugin"); console.log(typeof a.main, typeof a.runCheck, Object.keys(p.rules).length, p.configs.recommended.name);';
    const r = spawnSync(process.execPath, ["-e", script], { cwd: REPO_ROOT, encoding: "utf8" });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: `function function ${RULES.length} auditmod/recommended\n`, stderr: "" });
  });
});
