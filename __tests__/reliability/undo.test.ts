import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXERS } from "../../src/audit/transforms";
import { main } from "../../src/cli/main";
import { beginRunJournal, beginWritingSession, JOURNAL_RUNS_KEPT, listRunJournals } from "../../src/engine/journal";
import { copyToTempRepo, git, REPO_ROOT } from "../helpers/cli";
import { deadPid, runInProcess, seededRandom, smallHandler, spawnCli, tempDir, writeTree } from "./helpers";

const ID = /\d{8}-\d{6}-\d{3}(-\d+)?/;

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, cwd });
  return { code, stdout, stderr };
}

function modifiedFiles(dir: string): string[] {
  return git(dir, ["status", "--porcelain", "--untracked-files=all"])
    .split("\n")
    .filter(Boolean)
    .map((line) => line.slice(3))
    .sort();
}

describe("auditmod undo, end to end on a copy of examples/front", () => {
  it("journals the run, lists it, shows a dry undo that git applies, restores what is unchanged and keeps what changed since", async () => {
    const dir = copyToTempRepo(path.join(REPO_ROOT, "examples", "front"), "auditmod-undo-front-");
    const names = FIXERS.map((t) => t.name);
    const run = await spawnCli(["run", ...names, "--root", dir], dir);
    expect(run.code).toBe(0);
    const changed = modifiedFiles(dir);
    expect(changed.length).toBeGreaterThan(3);
    // The journal lives in the root, and git does not see it.
    expect(fs.readFileSync(path.join(dir, ".auditmod", ".gitignore"), "utf8")).toBe("*\n");
    expect(changed.filter((f) => f.startsWith(".auditmod"))).toEqual([]);

    const [journal] = listRunJournals(dir);
    expect(journal.entries.map((e) => e.file).sort()).toEqual(changed);
    const list = await cli(["undo", "--list", "--root", dir], dir);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(`${journal.id}  ${journal.startedAt}  run ${names.join(" ")}  (complete, ${changed.length} of ${changed.length} file(s) written)\n`);

    const afterRun = new Map(changed.map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]));
    const dry = await cli(["undo", "--dry", "--root", dir], dir);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toBe(`auditmod: undo of run ${journal.id} ("run ${names.join(" ")}") in ${dir}: ${changed.length} would be restored, 0 already as before, 0 kept\n`);
    for (const f of changed) expect(fs.readFileSync(path.join(dir, f), "utf8")).toBe(afterRun.get(f));
    // The dry run's output is a patch that takes the tree back to the commit.
    const patch = path.join(tempDir("auditmod-undo-patch-"), "undo.patch");
    fs.writeFileSync(patch, dry.stdout);
    execFileSync("git", ["apply", "--check", patch], { cwd: dir });

    // A colleague edits one of the rewritten files: undo keeps it and says so.
    const [edited, ...rest] = changed;
    fs.appendFileSync(path.join(dir, edited), "// reviewed\n");
    const undo = await spawnCli(["undo", "--root", dir], dir);
    expect(undo.code).toBe(1);
    expect(undo.stdout).toBe(rest.map((f) => `restored ${f}\n`).join(""));
    expect(undo.stderr).toBe(
      `${edited}  kept: changed since the run; kept as it is\n` +
        `auditmod: undo of run ${journal.id} ("run ${names.join(" ")}") in ${dir}: ${rest.length} restored, 0 already as before, 1 kept\n`,
    );
    expect(modifiedFiles(dir)).toEqual([edited]);
    expect((await cli(["undo", "--list", "--root", dir], dir)).stdout).toMatch(new RegExp(`\\(complete, ${changed.length} of ${changed.length} file\\(s\\) written; undone [^:]+:\\d\\d:[\\d.]+Z: ${rest.length} restored, 1 kept\\)\\n$`));

    const again = await cli(["undo", "--root", dir], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe("auditmod: nothing to undo: every journaled run is undone already (name one with --run to retry it)\n");

    // Once the file holds what the run wrote again, naming the run finishes the undo.
    fs.writeFileSync(path.join(dir, edited), afterRun.get(edited)!);
    const retry = await cli(["undo", "--run", journal.id, "--root", dir], dir);
    expect(retry.code).toBe(0);
    expect(retry.stdout).toBe(`restored ${edited}\n`);
    expect(retry.stderr).toBe(`auditmod: undo of run ${journal.id} ("run ${names.join(" ")}") in ${dir}: 1 restored, ${rest.length} already as before, 0 kept\n`);
    expect(modifiedFiles(dir)).toEqual([]);

    const unknown = await cli(["undo", "--run", "20200101-000000-000", "--root", dir], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`auditmod: no journaled run "20200101-000000-000" in ${dir}/.auditmod (journaled runs: ${journal.id})\n`);
  });
});

describe("the undo journal", () => {
  function smallTree(): string {
    const dir = tempDir("auditmod-journal-");
    const random = seededRandom(9);
    writeTree(dir, { "lib/api/audit/workos_audit.ts": "export {};\n", "pages/a.ts": smallHandler(random, 1), "pages/b.ts": smallHandler(random, 2) });
    return dir;
  }

  it(`keeps the last ${JOURNAL_RUNS_KEPT} runs`, async () => {
    const dir = smallTree();
    const ids: string[] = [];
    for (let i = 0; i < JOURNAL_RUNS_KEPT + 2; i++) {
      expect((await cli(["run", "await-to-void", "--root", dir, "--allow-dirty", "--jobs", "1"], dir)).code).toBe(0);
      ids.push(listRunJournals(dir)[0].id);
      expect((await cli(["undo", "--root", dir], dir)).code).toBe(0);
    }
    expect(new Set(ids).size).toBe(JOURNAL_RUNS_KEPT + 2);
    expect(listRunJournals(dir).map((j) => j.id)).toEqual(ids.slice(2).reverse());
    expect(fs.readdirSync(path.join(dir, ".auditmod", "runs")).sort()).toEqual(ids.slice(2));
    const list = await cli(["undo", "--list", "--root", dir], dir);
    expect(list.stdout.split("\n").filter(Boolean)).toHaveLength(JOURNAL_RUNS_KEPT);
  });

  it("undo removes a file the run created, unless it changed since", async () => {
    const dir = smallTree();
    const schema = "admin/audit_log_schemas/space.updated.json";
    const other = "admin/audit_log_schemas/space.created.json";
    const { report } = await runInProcess(dir, ["await-to-void"], {
      extraEdits: () => ({
        edits: [
          { file: schema, before: null, after: '{ "action": "space.updated" }\n' },
          { file: other, before: null, after: '{ "action": "space.created" }\n' },
        ],
        findings: [],
      }),
    });
    expect(report.written).toEqual(["pages/a.ts", "pages/b.ts", schema, other]);
    fs.appendFileSync(path.join(dir, other), "\n");
    const undo = await cli(["undo", "--root", dir], dir);
    expect(undo.code).toBe(1);
    expect(undo.stdout).toBe(`restored pages/a.ts\nrestored pages/b.ts\nremoved (the run created it) ${schema}\n`);
    expect(undo.stderr).toContain(`${other}  kept: changed since the run; kept as it is\n`);
    expect(fs.existsSync(path.join(dir, schema))).toBe(false);
    expect(fs.existsSync(path.join(dir, other))).toBe(true);
  });

  it("a run that died while writing is marked interrupted at the next start, and its undo restores exactly the files it reached", async () => {
    const dir = smallTree();
    const original = fs.readFileSync(path.join(dir, "pages/a.ts"));
    const written = original.toString("utf8").replace("await emitAuditLogEvent", "void emitAuditLogEvent");
    const session = beginWritingSession(dir, "run await-to-void");
    const journal = beginRunJournal(dir, "run await-to-void", [
      { file: "pages/a.ts", before: original, after: written },
      { file: "pages/b.ts", before: fs.readFileSync(path.join(dir, "pages/b.ts")), after: "never written\n" },
    ]);
    fs.writeFileSync(path.join(dir, "pages/a.ts"), written);
    fs.writeFileSync(path.join(dir, "pages/.a.ts.auditmod-tmp-999999999-0badcafe"), "half");
    session.release();
    // Make the journal's writer a dead process, as a SIGKILL would.
    const manifest = path.join(dir, ".auditmod", "runs", journal.id, "journal.json");
    fs.writeFileSync(manifest, fs.readFileSync(manifest, "utf8").replace(`"pid": ${process.pid}`, `"pid": ${await deadPid()}`));

    const undo = await cli(["undo", "--root", dir], dir);
    expect(undo.code).toBe(0);
    expect(undo.stderr).toBe(
      "auditmod: removed 1 temp file(s) left by an interrupted run: pages/.a.ts.auditmod-tmp-999999999-0badcafe\n" +
        `auditmod: run ${journal.id} ("run await-to-void") was interrupted while writing; each of its files is either as before or as that run meant to write it (\`auditmod undo --run ${journal.id}\` puts them back)\n` +
        `auditmod: undo of run ${journal.id} ("run await-to-void") in ${dir}: 1 restored, 1 already as before, 0 kept\n`,
    );
    expect(fs.readFileSync(path.join(dir, "pages/a.ts"))).toEqual(original);
    expect(fs.readdirSync(path.join(dir, "pages")).sort()).toEqual(["a.ts", "b.ts"]);
    expect((await cli(["undo", "--list", "--root", dir], dir)).stdout).toMatch(new RegExp(`^${ID.source}  \\S+  run await-to-void  \\(interrupted, 2 file\\(s\\) journaled; undone \\S+: 1 restored, 0 kept\\)\\n$`));
  });

  it("a damaged journal copy is never written back", async () => {
    const dir = smallTree();
    await runInProcess(dir, ["await-to-void"]);
    const [journal] = listRunJournals(dir);
    const blob = path.join(dir, ".auditmod", "runs", journal.id, "originals.bin");
    const bytes = fs.readFileSync(blob);
    bytes[10] ^= 0xff;
    fs.writeFileSync(blob, bytes);
    const before = fs.readFileSync(path.join(dir, "pages/a.ts"), "utf8");
    const undo = await cli(["undo", "--root", dir], dir);
    expect(undo.code).toBe(1);
    expect(undo.stderr).toContain("pages/a.ts  kept: the journal's copy is damaged; not restored\n");
    expect(fs.readFileSync(path.join(dir, "pages/a.ts"), "utf8")).toBe(before);
  });

  it("a run that writes nothing leaves no journal and no state folder", async () => {
    const dir = tempDir("auditmod-nothing-");
    writeTree(dir, { "lib/api/audit/workos_audit.ts": "export {};\n", "lib/plain.ts": "export const x = 1;\n" });
    expect((await cli(["run", "await-to-void", "--root", dir, "--allow-dirty"], dir)).code).toBe(0);
    expect(fs.existsSync(path.join(dir, ".auditmod"))).toBe(false);
    const undo = await cli(["undo", "--root", dir], dir);
    expect(undo.code).toBe(1);
    expect(undo.stderr).toBe(`auditmod: nothing to undo: no journaled run in ${dir}/.auditmod\n`);
    expect((await cli(["undo", "--list", "--root", dir], dir)).stdout).toBe(`no journaled runs in ${dir}/.auditmod\n`);
  });
});
