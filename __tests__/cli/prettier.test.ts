import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unifiedDiff } from "../../src/engine/diff";
import { BIN, REPO_ROOT, copyToTempRepo, runCli, snapshotTree, writeFiles, git } from "../helpers/cli";

// A front whose code is not prettier-formatted, with a `.prettierrc.json` (printWidth 100, single quotes).
const FRONT = path.join(__dirname, "..", "data", "prettier", "front");
const EXPECTED = path.join(__dirname, "..", "data", "prettier", "expected");
const HANDLER = "pages/api/w/[wId]/spaces/[spaceId]/index.ts";
const GROUPS = "lib/api/groups.ts";
const INSTRUMENT = ["instrument", "--action", "group.member_removed", "--mutation", "*.removeMember", "--target", "group=group.value", "--meta", "user_id=userId"];

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");
const expected = (name: string) => fs.readFileSync(path.join(EXPECTED, name), "utf8");

/** The tree after a run, but for the files named: proof that the run wrote nothing else. */
function othersUnchanged(dir: string, before: Map<string, Buffer>, written: string[]): void {
  const after = snapshotTree(dir);
  for (const file of written) after.delete(file);
  const kept = new Map(before);
  for (const file of written) kept.delete(file);
  expect(after).toEqual(kept);
}

function commitAll(dir: string): void {
  git(dir, ["-c", "user.email=t@example.com", "-c", "user.name=t", "add", "-A"]);
  git(dir, ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "setup"]);
}

describe("--prettier: only the statements auditmod wrote, with the repo's .prettierrc", () => {
  it("run: both emits formatted (a 150-column targets line wrapped, single quotes); every other byte kept", () => {
    const dir = copyToTempRepo(FRONT, "auditmod-prettier-");
    const before = snapshotTree(dir);
    const r = runCli(["run", "workspace-target", "await-to-void", "--prettier"], dir);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, "", expect.stringMatching(/^auditmod: 1 changed, 2 unchanged, 0 skipped, 0 errors \(3 files, 2 parsed, [\d.]+s\)\n$/)]);
    expect(read(dir, HANDLER)).toBe(expected("space-handler.ts"));
    othersUnchanged(dir, before, [HANDLER]);
    // What prettier would rewrite elsewhere is left as the repo wrote it.
    expect(read(dir, HANDLER)).toContain('const   ALLOWED_KINDS = [ "regular","public" ]\n');
    expect(read(dir, HANDLER)).toContain('message: "The method passed is not supported, PATCH or DELETE is expected." } });\n');
  });

  it("a tab-indented CRLF file with a `.prettierrc` (useTabs): formatted with tabs, every line ending CRLF", () => {
    const dir = copyToTempRepo(FRONT, "auditmod-prettier-");
    fs.rmSync(path.join(dir, ".prettierrc.json"));
    const tabbed = read(FRONT, HANDLER)
      .split("\n")
      .map((line) => line.replace(/^((?: {2})+)/, (spaces) => "\t".repeat(spaces.length / 2)))
      .join("\r\n");
    writeFiles(dir, { ".prettierrc": "useTabs: true\nprintWidth: 100\n", [HANDLER]: tabbed });
    commitAll(dir);
    const r = runCli(["run", "workspace-target", "await-to-void", "--prettier"], dir);
    expect(r.status).toBe(0);
    const written = read(dir, HANDLER);
    expect(written).toBe(expected("space-handler.tabs-crlf.ts"));
    expect(written.split("\r\n").join("").includes("\n")).toBe(false);
    expect(written).toContain("\t\t\tvoid emitAuditLogEvent({\r\n\t\t\t\tauth,\r\n");
  });

  it("instrument: the inserted emit and the edited import declaration are formatted, nothing else", () => {
    const dir = copyToTempRepo(FRONT, "auditmod-prettier-");
    const before = snapshotTree(dir);
    const r = runCli([...INSTRUMENT, "--prettier"], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("auditmod: 1 changed, 2 unchanged, 0 skipped, 0 errors");
    expect(read(dir, GROUPS)).toBe(expected("groups.ts"));
    othersUnchanged(dir, before, [GROUPS]);
    expect(read(dir, GROUPS)).toContain("  if (group.isErr()) { return new Err(group.error) }\n");
  });

  it("idempotent: a second run changes nothing, and formatting the formatted output again changes nothing", async () => {
    const dir = copyToTempRepo(FRONT, "auditmod-prettier-");
    expect(runCli(["run", "workspace-target", "await-to-void", "--prettier"], dir).status).toBe(0);
    expect(runCli([...INSTRUMENT, "--prettier", "--allow-dirty"], dir).status).toBe(0);
    const once = snapshotTree(dir);
    const again = runCli(["run", "workspace-target", "await-to-void", "--prettier", "--allow-dirty"], dir);
    expect(again.stderr).toMatch(/^auditmod: 0 changed, 3 unchanged/);
    expect(snapshotTree(dir)).toEqual(once);

    // The format pass alone, on output it already formatted: the same text, no finding. prettier's API
    // imports its ES modules dynamically, which jest's VM cannot do: the pass runs in a plain node process.
    const script = `
      const { formatWrittenWithPrettier } = require(${JSON.stringify(path.join(REPO_ROOT, "dist/src/engine/prettier.js"))});
      const fs = require("node:fs");
      const [dir, front, files] = JSON.parse(process.argv[1]);
      const outcomes = files.map((file, index) => ({ index, file, status: "changed", findings: [], output: fs.readFileSync(dir + "/" + file, "utf8") }));
      const notices = [];
      formatWrittenWithPrettier(outcomes, (i) => fs.readFileSync(front + "/" + files[i], "utf8"), dir, (m) => notices.push(m))
        .then(() => process.stdout.write(JSON.stringify({ outputs: outcomes.map((o) => [o.output, o.findings]), notices })));
    `;
    const pass = spawnSync(process.execPath, ["-e", script, JSON.stringify([dir, FRONT, [HANDLER, GROUPS]])], { encoding: "utf8" });
    expect(JSON.parse(pass.stdout)).toEqual({
      outputs: [
        [expected("space-handler.ts"), []],
        [expected("groups.ts"), []],
      ],
      notices: [],
    });
  });

  it("--dry prints and --patch writes the formatted diff; nothing is written", () => {
    const dir = copyToTempRepo(FRONT, "auditmod-prettier-");
    const before = snapshotTree(dir);
    const patch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-prettier-patch-")), "run.patch");
    const r = runCli(["run", "workspace-target", "await-to-void", "--prettier", "--dry", "--patch", patch], dir);
    const diff = unifiedDiff(HANDLER, read(FRONT, HANDLER), expected("space-handler.ts"));
    expect([r.status, r.stdout]).toEqual([0, diff]);
    expect(fs.readFileSync(patch, "utf8")).toBe(diff);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("--interactive reviews the formatted hunks: the accepted one is written formatted, the refused one not at all", () => {
    const dir = copyToTempRepo(FRONT, "auditmod-prettier-");
    const r = spawnSync(process.execPath, [BIN, "run", "workspace-target", "await-to-void", "--prettier", "--interactive"], { cwd: dir, input: "y\nn\n", encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("+      void emitAuditLogEvent({\n+        auth,\n+        action: 'space.updated',\n");
    const [patchPart, deletePart] = read(EXPECTED, "space-handler.ts").split('    case "DELETE": {\n');
    expect(read(dir, HANDLER)).toBe(`${patchPart}    case "DELETE": {\n${read(FRONT, HANDLER).split('    case "DELETE": {\n')[1]}`);
    expect(deletePart).toContain("void emitAuditLogEvent");
  });

  it('config `format: "prettier"` formats as --prettier does; --no-prettier overrides it', () => {
    const dir = copyToTempRepo(FRONT, "auditmod-prettier-");
    writeFiles(dir, { "auditmod.config.json": '{ "format": "prettier" }\n' });
    commitAll(dir);
    const formatted = runCli(["run", "workspace-target", "await-to-void", "--dry"], dir);
    expect(formatted.stdout).toBe(unifiedDiff(HANDLER, read(FRONT, HANDLER), expected("space-handler.ts")));
    const plain = runCli(["run", "workspace-target", "--dry", "--no-prettier"], dir);
    expect(plain.stdout).toContain(
      '+      void emitAuditLogEvent({ auth, action: "space.updated", targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("space", space)], metadata: { name: space.name } });\n',
    );
  });

  it("a file .prettierignore lists is not formatted; pragma options (insertPragma) do not reach the statements", () => {
    const dir = copyToTempRepo(FRONT, "auditmod-prettier-");
    writeFiles(dir, { ".prettierignore": "lib/api/groups.ts\n", ".prettierrc.json": '{ "printWidth": 100, "singleQuote": true, "insertPragma": true }\n' });
    commitAll(dir);
    const ignored = runCli([...INSTRUMENT, "--prettier", "--dry"], dir);
    expect(ignored.stdout).toContain('+import { buildAuditLogTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";\n');
    const formatted = runCli(["run", "workspace-target", "await-to-void", "--prettier", "--dry"], dir);
    expect(formatted.stdout).toBe(unifiedDiff(HANDLER, read(FRONT, HANDLER), expected("space-handler.ts")));
  });

  it("a prettier config that cannot be read: said, and the statements are left as printed", () => {
    const dir = copyToTempRepo(FRONT, "auditmod-prettier-");
    writeFiles(dir, { ".prettierrc.json": '{ "printWidth": 100,\n' });
    commitAll(dir);
    const r = runCli(["run", "workspace-target", "--prettier", "--dry"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('+      void emitAuditLogEvent({ auth, action: "space.updated", targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("space", space)], metadata: { name: space.name } });\n');
    expect(r.stderr.split("\n")[0]).toMatch(/^auditmod: cannot read the prettier config for pages\/api\/w\/\[wId\]\/spaces\/\[spaceId\]\/index\.ts: JSON Error in ".*\.prettierrc\.json": .*; its statements are left as printed$/);
  });

  it("a config `format` other than prettier: exit 2, nothing written", () => {
    const dir = copyToTempRepo(FRONT, "auditmod-prettier-");
    writeFiles(dir, { "auditmod.config.json": '{ "format": "biome" }\n' });
    const before = snapshotTree(dir);
    const r = runCli(["run", "workspace-target"], dir);
    expect([r.status, r.stderr]).toEqual([2, `auditmod: ${path.join(dir, "auditmod.config.json")}: format: Invalid enum value. Expected 'prettier', received 'biome'\n`]);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe("--prettier never runs code from the repository", () => {
  const MARKER_CODE = (marker: string, config: string) => `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran");\nmodule.exports = ${config};\n`;
  // Prettier's defaults (double quotes, printWidth 80) on the PATCH emit.
  const DEFAULTS_EMIT =
    '+      void emitAuditLogEvent({\n+        auth,\n+        action: "space.updated",\n+        targets: [\n+          buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),\n+          buildAuditLogTarget("space", space),\n+        ],\n+        metadata: { name: space.name },\n+      });\n';

  function frontWith(files: (marker: string) => Record<string, string>): { dir: string; marker: string } {
    const dir = copyToTempRepo(FRONT, "auditmod-prettier-sec-");
    fs.rmSync(path.join(dir, ".prettierrc.json"));
    const marker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-marker-")), "ran");
    writeFiles(dir, files(marker));
    commitAll(dir);
    return { dir, marker };
  }

  it("prettier.config.js: not evaluated; said once; formatted with prettier's defaults", () => {
    const { dir, marker } = frontWith((m) => ({ "prettier.config.js": MARKER_CODE(m, "{ singleQuote: true, printWidth: 100 }") }));
    // The file does write its marker when evaluated.
    spawnSync(process.execPath, [path.join(dir, "prettier.config.js")]);
    expect(fs.existsSync(marker)).toBe(true);
    fs.rmSync(marker);
    const r = runCli(["run", "workspace-target", "--dry", "--prettier"], dir);
    expect(r.status).toBe(0);
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.stdout).toContain(DEFAULTS_EMIT);
    expect(r.stderr.split("\n")[0]).toBe("auditmod: prettier config prettier.config.js is code; auditmod does not run it: formatting with prettier's defaults");
    expect(r.stderr.match(/prettier config/g)).toHaveLength(1);
  });

  it('package.json naming a shared config ("prettier": "@acme/prettier-config"): not loaded', () => {
    const { dir, marker } = frontWith((m) => ({
      "package.json": '{ "name": "front", "prettier": "@acme/prettier-config" }\n',
      "node_modules/@acme/prettier-config/package.json": '{ "name": "@acme/prettier-config", "main": "index.js" }\n',
      "node_modules/@acme/prettier-config/index.js": MARKER_CODE(m, "{ singleQuote: true }"),
    }));
    const r = runCli(["run", "workspace-target", "--dry", "--prettier"], dir);
    expect(r.status).toBe(0);
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.stdout).toContain(DEFAULTS_EMIT);
    expect(r.stderr.split("\n")[0]).toBe('auditmod: prettier config package.json names the shared config "@acme/prettier-config", which is code; auditmod does not run it: formatting with prettier\'s defaults');
  });

  it("plugins in a JSON config: not loaded; the rest of the config applies", () => {
    const { dir, marker } = frontWith((m) => ({
      ".prettierrc.json": '{ "singleQuote": true, "printWidth": 100, "plugins": ["./prettier-plugin.js"] }\n',
      "prettier-plugin.js": MARKER_CODE(m, "{}"),
    }));
    const r = runCli(["run", "workspace-target", "await-to-void", "--dry", "--prettier"], dir);
    expect(r.status).toBe(0);
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.stdout).toBe(unifiedDiff(HANDLER, read(FRONT, HANDLER), expected("space-handler.ts")));
    expect(r.stderr.split("\n")[0]).toBe("auditmod: prettier config .prettierrc.json lists plugins, which are code; auditmod does not load them: formatting without them");
  });
});

describe("prettier is loaded only when asked", () => {
  // Records whether prettier was required by the CLI process, without changing what it does.
  const hook = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-hook-")), "hook.js");
  fs.writeFileSync(
    hook,
    'const Module = require("node:module");\nconst load = Module._load;\nModule._load = function (request, ...rest) {\n  if (request === "prettier") process.env.AUDITMOD_PRETTIER = "1";\n  return load.call(this, request, ...rest);\n};\nprocess.on("exit", () => process.stderr.write(`prettier loaded: ${process.env.AUDITMOD_PRETTIER === "1"}\\n`));\n',
  );
  const run = (args: string[], cwd: string) => spawnSync(process.execPath, ["-r", hook, BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const dir = copyToTempRepo(FRONT, "auditmod-prettier-load-");

  it.each([
    ["a run that changes files, without the flag", "false", ["run", "workspace-target", "--dry"]],
    ["a run with the flag that changes nothing", "false", ["run", "stringify-metadata", "--dry", "--prettier"]],
    ["a run with the flag that changes a file", "true", ["run", "workspace-target", "--dry", "--prettier"]],
  ])("%s: loaded %s", (_what, loaded, args) => {
    const r = run(args, dir);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split("\n").pop()).toBe(`prettier loaded: ${loaded}`);
  });
});
