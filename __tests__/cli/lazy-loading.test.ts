import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BIN, makeTempRepo } from "../helpers/cli";

// Records every npm package the CLI loads and prints the list to stderr on exit.
const RECORDER = `
const Module = require("module");
const load = Module._load;
const seen = new Set();
Module._load = function (request, parent, isMain) {
  const result = load.apply(this, arguments);
  try {
    const m = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(Module._resolveFilename(request, parent, isMain));
    if (m) seen.add(m[1].replace("\\\\", "/"));
  } catch {}
  return result;
};
process.on("exit", () => process.stderr.write("LOADED " + JSON.stringify([...seen].sort()) + "\\n"));
`;

let recorder: string;

beforeAll(() => {
  recorder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-loads-")), "record-loads.js");
  fs.writeFileSync(recorder, RECORDER);
});

afterAll(() => fs.rmSync(path.dirname(recorder), { recursive: true, force: true }));

function loadedBy(args: string[], cwd: string): { packages: string[]; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ["--require", recorder, BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const line = r.stderr.split("\n").find((l) => l.startsWith("LOADED "));
  return { packages: line ? (JSON.parse(line.slice("LOADED ".length)) as string[]) : [], stderr: r.stderr, status: r.status };
}

const HEAVY = ["jscodeshift", "recast", "@babel/parser", "ts-morph", "typescript", "diff", "piscina"];
const AUDIT_MODULE = "lib/api/audit/workos_audit.ts";

describe("what the CLI loads", () => {
  it("list loads yargs but none of the parsers, the differ or the worker pool", () => {
    const r = loadedBy(["list"], os.tmpdir());
    expect(r.status).toBe(0);
    expect(r.packages).toContain("yargs");
    expect(r.packages.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it("a run whose files all fail the byte prefilter parses nothing and loads no parser", () => {
    const root = makeTempRepo({ [AUDIT_MODULE]: "export const x = 1;\n", "lib/plain.ts": "export const y = 2;\n" });
    const r = loadedBy(["run", "await-to-void", "--dry", "--root", root], root);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("auditmod: 0 would change, 2 unchanged, 0 skipped, 0 errors (2 files, 0 parsed,");
    expect(r.packages.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it("a run that changes one file loads the parser and the differ, not the worker pool", () => {
    const root = makeTempRepo({
      [AUDIT_MODULE]: "export const x = 1;\n",
      "lib/emit.ts": 'export async function f(auth: unknown) {\n  await emitAuditLogEvent({ auth, action: "space.deleted" });\n}\n',
    });
    const r = loadedBy(["run", "await-to-void", "--dry", "--root", root], root);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("auditmod: 1 would change, 1 unchanged, 0 skipped, 0 errors (2 files, 1 parsed,");
    expect(r.packages).toEqual(expect.arrayContaining(["@babel/parser", "diff", "jscodeshift", "recast"]));
    expect(r.packages).not.toContain("piscina");
  });
});

describe("the byte prefilter", () => {
  it("still skips, with the same reasons, files that are not text even when they hold no step's needle", () => {
    const root = makeTempRepo({
      [AUDIT_MODULE]: "export const x = 1;\n",
      "lib/invalid.ts": Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0xc3, 0x28, 0x0a]),
      "lib/binary.ts": Buffer.from([0x63, 0x00, 0x01, 0x0a]),
      "lib/plain.ts": "export const y = 2;\n",
    });
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-report-")), "report.json");
    const r = loadedBy(["run", "await-to-void", "--dry", "--root", root, "--json", json], root);
    expect(r.status).toBe(0);
    const report = JSON.parse(fs.readFileSync(json, "utf8")) as { files: unknown[] };
    expect(report.files).toEqual([
      { file: "lib/api/audit/workos_audit.ts", status: "unchanged" },
      { file: "lib/binary.ts", status: "skipped", reason: "binary content (NUL byte)" },
      { file: "lib/invalid.ts", status: "skipped", reason: "not valid UTF-8" },
      { file: "lib/plain.ts", status: "unchanged" },
    ]);
  });
});
