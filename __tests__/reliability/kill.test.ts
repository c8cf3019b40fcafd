import * as fs from "node:fs";
import * as path from "node:path";
import { generateHandlerTree, listTree, seededRandom, spawnCli, tempDir, tempFilesIn, writeTree, type Exit } from "./helpers";

/**
 * A writing run SIGKILLed at any moment leaves every file either exactly as it was or exactly as a
 * complete run writes it, and the next start (an undo, or the run again) sweeps its temp files,
 * takes over its lock and finishes the job. The kill moments follow a seeded delay schedule; the
 * assertions hold wherever a kill lands, so nothing here depends on timing.
 */

const FILES = 200;
const KILLS_PER_LANE = 10;
const RUN = ["run", "await-to-void", "--allow-dirty"];

interface Lane {
  name: string;
  flags: string[];
  seed: number;
}

// Two lanes at once (one per core): the worker-thread pool, and the in-process path.
const LANES: Lane[] = [
  { name: "worker pool", flags: [], seed: 101 },
  { name: "in process", flags: ["--jobs", "1"], seed: 202 },
];

interface KillRecord {
  lane: string;
  delayMs: number;
  aimedAtWrites: boolean;
  killed: boolean;
  written: number;
  temps: number;
  lockLeft: boolean;
}

type Tree = Record<string, string>;

function readTree(dir: string, files: string[]): Tree {
  return Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]));
}

/** Files whose bytes are neither `a` nor `b`: must be none after any kill. */
function neitherState(dir: string, a: Tree, b: Tree): string[] {
  return Object.keys(a).filter((f) => {
    const now = fs.readFileSync(path.join(dir, f), "utf8");
    return now !== a[f] && now !== b[f];
  });
}

/** Paths in the tree that are neither the run's files, their folders, auditmod's state, nor temp files. */
function strayPaths(dir: string, files: Tree): string[] {
  const known = new Set(Object.keys(files).flatMap((f) => f.split("/").map((_, i, parts) => parts.slice(0, i + 1).join("/"))));
  return listTree(dir).filter((p) => !known.has(p) && !p.startsWith(".auditmod") && !p.includes(".auditmod-tmp-"));
}

/** Ids of the runs whose journal manifest exists (it is renamed into place, so it is whole when seen). */
function journaledRunIds(dir: string): string[] {
  const runs = path.join(dir, ".auditmod", "runs");
  return fs.existsSync(runs) ? fs.readdirSync(runs).filter((id) => fs.existsSync(path.join(runs, id, "journal.json"))) : [];
}

function journals(dir: string): { id: string; status: string; undone?: unknown }[] {
  const runs = path.join(dir, ".auditmod", "runs");
  return journaledRunIds(dir).map((id) => JSON.parse(fs.readFileSync(path.join(runs, id, "journal.json"), "utf8")) as { id: string; status: string; undone?: unknown });
}

/** What the next start must say about what the killed run left behind. */
function expectRecoveryNotices(recovery: Exit, killed: Exit, lockLeft: boolean, temps: string[], interrupted: string[]): void {
  if (lockLeft) expect(recovery.stderr).toContain(`took over the lock of pid ${killed.pid}`);
  if (temps.length > 0) expect(recovery.stderr).toContain(`removed ${temps.length} temp file(s) left by an interrupted run`);
  for (const id of interrupted) expect(recovery.stderr).toContain(`run ${id} ("run await-to-void") was interrupted while writing`);
}

async function killLane(lane: Lane): Promise<KillRecord[]> {
  const original = generateHandlerTree(lane.seed, FILES, "small");
  const files = Object.keys(original);

  // The reference: a clean, complete run on a copy. Its duration and the mtimes of the files it wrote
  // give the delay schedule its scale (where writing happens); nothing is asserted about time.
  const reference = tempDir("auditmod-kill-ref-");
  writeTree(reference, original);
  const started = Date.now();
  const clean = await spawnCli([...RUN, "--root", reference, ...lane.flags], reference);
  const total = Date.now() - started;
  expect(clean.code).toBe(0);
  const expected = readTree(reference, files);
  const rewritten = files.filter((f) => expected[f] !== original[f]);
  expect(rewritten.length).toBeGreaterThan(150);
  const mtimes = rewritten.map((f) => fs.statSync(path.join(reference, f)).mtimeMs - started).sort((x, y) => x - y);
  const [writeStart, writeEnd] = [Math.max(0, mtimes[0]), Math.max(0, mtimes[mtimes.length - 1])];

  const dir = tempDir("auditmod-kill-");
  writeTree(dir, original);
  const random = seededRandom(lane.seed);
  const records: KillRecord[] = [];
  for (let k = 0; k < KILLS_PER_LANE; k++) {
    // Most kills aim at the write phase (counted from the moment the run's journal appears, which is
    // just before its first write), the rest anywhere in the run (start-up, discovery, parsing).
    const [fraction, aimAtWrites] = [random(), random() < 0.7];
    const known = new Set(journaledRunIds(dir));
    const journaled = () => journaledRunIds(dir).some((id) => !known.has(id));
    const delayMs = Math.round(fraction * (aimAtWrites ? writeEnd - writeStart : total));
    const killed = await spawnCli([...RUN, "--root", dir, ...lane.flags], dir, aimAtWrites ? { afterMs: delayMs, when: journaled } : { afterMs: delayMs });

    expect(neitherState(dir, original, expected)).toEqual([]);
    expect(strayPaths(dir, original)).toEqual([]);
    const temps = tempFilesIn(dir);
    const lockLeft = fs.existsSync(path.join(dir, ".auditmod", "lock"));
    const interrupted = journals(dir).filter((j) => j.status === "writing").map((j) => j.id);
    const written = files.filter((f) => fs.readFileSync(path.join(dir, f), "utf8") !== original[f]).length;
    records.push({ lane: lane.name, delayMs, aimedAtWrites: aimAtWrites, killed: killed.signal === "SIGKILL", written, temps: temps.length, lockLeft });
    if (killed.signal !== "SIGKILL") expect(killed.code).toBe(0);

    if (k % 3 === 2) {
      // Recover by running again: the files the killed run did not reach get written, the rest are unchanged.
      const again = await spawnCli([...RUN, "--root", dir, ...lane.flags], dir);
      expect(again.code).toBe(0);
      expectRecoveryNotices(again, killed, lockLeft, temps, interrupted);
      expect(readTree(dir, files)).toEqual(expected);
      writeTree(dir, original);
    } else {
      // Recover with undo: the killed run's journal puts back every file it wrote.
      const undoable = journals(dir).some((j) => !j.undone);
      const undo = await spawnCli(["undo", "--root", dir], dir);
      expect(undo.code).toBe(undoable ? 0 : 1);
      expectRecoveryNotices(undo, killed, lockLeft, temps, interrupted);
      expect(readTree(dir, files)).toEqual(original);
    }
    expect(tempFilesIn(dir)).toEqual([]);
    expect(fs.existsSync(path.join(dir, ".auditmod", "lock"))).toBe(false);
  }
  expect(journals(dir).length).toBeLessThanOrEqual(10);
  fs.rmSync(reference, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
  return records;
}

describe("SIGKILL at any moment of a writing run", () => {
  it(`${LANES.length * KILLS_PER_LANE} kill points over ${FILES}-file trees: every file is as before or as a clean run writes it; the next start cleans up`, async () => {
    const records = (await Promise.all(LANES.map(killLane))).flat();
    expect(records).toHaveLength(LANES.length * KILLS_PER_LANE);
    if (process.env.AUDITMOD_KILL_LOG) fs.writeFileSync(process.env.AUDITMOD_KILL_LOG, `${JSON.stringify(records, null, 1)}\n`);
  }, 300_000);
});
