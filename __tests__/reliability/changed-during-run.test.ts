import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { runInProcess, seededRandom, smallHandler, tempDir, writeTree } from "./helpers";

/**
 * Files that change between the run's read and its write are never overwritten. The race is made
 * deterministic with the engine's own `extraEdits` hook, which runs after every file is computed and
 * before anything is written: the hook plays a colleague editing the tree at exactly that moment.
 */

const DIR = "pages/api/w/[wId]/spaces";
const NAMES = ["modified", "deleted", "replaced", "now-a-link", "now-a-folder", "untouched-1", "untouched-2"];
const fileOf = (name: string) => `${DIR}/${name}.ts`;

function makeTree(): { dir: string; original: Record<string, string> } {
  const random = seededRandom(5);
  const original = Object.fromEntries(NAMES.map((name, i) => [fileOf(name), smallHandler(random, i)]));
  const dir = tempDir("auditmod-race-");
  writeTree(dir, { ...original, "lib/api/audit/workos_audit.ts": "export type AuditAction = \"space.updated\";\n" });
  return { dir, original };
}

/** What a colleague does to the tree while the run is between computing and writing. */
function editUnderTheRun(dir: string): void {
  const abs = (name: string) => path.join(dir, fileOf(name));
  fs.appendFileSync(abs("modified"), "// edited by a colleague\n");
  fs.unlinkSync(abs("deleted"));
  // Same bytes, another file: what an editor's save-by-rename or a `git checkout` does.
  fs.writeFileSync(`${abs("replaced")}.new`, fs.readFileSync(abs("replaced")));
  fs.renameSync(`${abs("replaced")}.new`, abs("replaced"));
  fs.unlinkSync(abs("now-a-link"));
  fs.symlinkSync("untouched-1.ts", abs("now-a-link"));
  fs.unlinkSync(abs("now-a-folder"));
  fs.mkdirSync(abs("now-a-folder"));
}

describe("files changed between read and write", () => {
  it("are not overwritten, are reported 'changed during the run', and the run goes on", async () => {
    const { dir, original } = makeTree();
    const { report, stderr } = await runInProcess(dir, ["await-to-void"], {
      extraEdits: () => {
        editUnderTheRun(dir);
        return { edits: [], findings: [] };
      },
    });

    const status = Object.fromEntries(report.files.filter((f) => f.file.startsWith(DIR)).map((f) => [f.file, [f.status, f.reason ?? ""]]));
    expect(status).toEqual({
      [fileOf("deleted")]: ["error", "changed during the run (deleted)"],
      [fileOf("modified")]: ["error", "changed during the run"],
      [fileOf("now-a-folder")]: ["error", "changed during the run (no longer a regular file)"],
      [fileOf("now-a-link")]: ["error", "changed during the run (no longer a regular file)"],
      [fileOf("replaced")]: ["error", "changed during the run (replaced by another file)"],
      [fileOf("untouched-1")]: ["changed", ""],
      [fileOf("untouched-2")]: ["changed", ""],
    });
    expect(report.written).toEqual([fileOf("untouched-1"), fileOf("untouched-2")]);
    expect(report.exitCode).toBe(0);
    expect(stderr).toContain(`${fileOf("modified")}  error: changed during the run\n`);
    expect(stderr).toContain("auditmod: 2 changed, 1 unchanged, 0 skipped, 5 errors (8 files, 7 parsed");

    const read = (name: string) => fs.readFileSync(path.join(dir, fileOf(name)), "utf8");
    expect(read("modified")).toBe(`${original[fileOf("modified")]}// edited by a colleague\n`);
    expect(fs.existsSync(path.join(dir, fileOf("deleted")))).toBe(false);
    expect(read("replaced")).toBe(original[fileOf("replaced")]);
    expect(fs.readlinkSync(path.join(dir, fileOf("now-a-link")))).toBe("untouched-1.ts");
    expect(fs.statSync(path.join(dir, fileOf("now-a-folder"))).isDirectory()).toBe(true);
    for (const name of ["untouched-1", "untouched-2"]) {
      expect(read(name)).toBe(original[fileOf(name)].replace("await emitAuditLogEvent", "void emitAuditLogEvent"));
    }
    expect(fs.readdirSync(path.join(dir, DIR)).filter((n) => n.includes(".auditmod-tmp-"))).toEqual([]);

    // Undo puts back what the run wrote and leaves the colleague's work alone.
    let out = "";
    let err = "";
    const code = await main(["undo", "--root", dir], { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, cwd: dir });
    expect(code).toBe(0);
    expect(out).toBe(`restored ${fileOf("untouched-1")}\nrestored ${fileOf("untouched-2")}\n`);
    expect(err).toMatch(/^auditmod: undo of run \d{8}-\d{6}-\d{3} \("run await-to-void"\) in .*: 2 restored, 0 already as before, 5 not written by the run, 0 kept\n$/);
    expect(read("untouched-1")).toBe(original[fileOf("untouched-1")]);
    expect(read("modified")).toBe(`${original[fileOf("modified")]}// edited by a colleague\n`);
  });

  it("--fail-on-error turns a file changed during the run into exit 1", async () => {
    const { dir } = makeTree();
    const { report } = await runInProcess(dir, ["await-to-void"], {
      failOnError: true,
      extraEdits: () => {
        fs.appendFileSync(path.join(dir, fileOf("modified")), "\n");
        return { edits: [], findings: [] };
      },
    });
    expect(report.exitCode).toBe(1);
    expect(report.written).toHaveLength(NAMES.length - 1);
  });

  it("a whole-file edit (registry, schema) whose file changed since it was read is reported, not written", async () => {
    const { dir } = makeTree();
    const registry = "lib/api/audit/workos_audit.ts";
    const { report } = await runInProcess(dir, ["await-to-void"], {
      extraEdits: () => ({ edits: [{ file: registry, before: "export type AuditAction = \"space.created\";\n", after: "changed\n" }], findings: [] }),
    });
    expect(report.files.find((f) => f.file === registry)).toEqual({ file: registry, status: "error", reason: "changed during the run" });
    expect(report.written).not.toContain(registry);
    expect(fs.readFileSync(path.join(dir, registry), "utf8")).toBe("export type AuditAction = \"space.updated\";\n");
  });
});
