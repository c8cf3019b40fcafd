import * as fs from "node:fs";
import * as path from "node:path";
import { acquireRunLock } from "../../src/engine/lock";
import { UsageError } from "../../src/engine/errors";
import { deadPid, generateHandlerTree, listTree, spawnCli, startCli, tempDir, waitUntil, writeTree } from "./helpers";

const RUN = ["run", "await-to-void", "--allow-dirty"];

function lockPath(dir: string): string {
  return path.join(dir, ".auditmod", "lock");
}

function readLock(dir: string): { pid: number; command: string; since: string } | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath(dir), "utf8")) as { pid: number; command: string; since: string };
  } catch {
    return null;
  }
}

function heldMessage(dir: string, holder: { pid: number; command: string; since: string }): string {
  return `auditmod: another auditmod run (pid ${holder.pid}, "${holder.command}", since ${holder.since}) is writing under ${dir}; wait for it to finish (lock: ${lockPath(dir)}; if that process is not auditmod, delete the lock)\n`;
}

function snapshot(dir: string, files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]));
}

describe("the root lock", () => {
  it("a second writing run on the same root refuses with the holder's pid (exit 2, nothing written); dry runs still work; the first run finishes", async () => {
    const tree = generateHandlerTree(11, 30, "small");
    const files = Object.keys(tree);
    const dir = tempDir("auditmod-lock-");
    writeTree(dir, tree);
    const reference = tempDir("auditmod-lock-ref-");
    writeTree(reference, tree);
    expect((await spawnCli([...RUN, "--root", reference], reference)).code).toBe(0);

    // Freeze the first run as soon as it holds the lock: the second one then meets a live holder for sure.
    const first = startCli([...RUN, "--root", dir], dir);
    await waitUntil(() => readLock(dir)?.pid === first.child.pid);
    first.child.kill("SIGSTOP");
    try {
      const holder = readLock(dir)!;
      expect(holder.command).toBe("run await-to-void");
      const before = snapshot(dir, files);

      const second = await spawnCli([...RUN, "--root", dir], dir);
      expect(second.code).toBe(2);
      expect(second.stderr).toBe(heldMessage(dir, holder));
      expect(second.stdout).toBe("");

      const undo = await spawnCli(["undo", "--root", dir], dir);
      expect(undo.code).toBe(2);
      expect(undo.stderr).toBe(heldMessage(dir, holder));

      const dry = await spawnCli([...RUN, "--root", dir, "--dry"], dir);
      expect(dry.code).toBe(0);
      expect(snapshot(dir, files)).toEqual(before);
      expect(readLock(dir)).toEqual(holder);
    } finally {
      first.child.kill("SIGCONT");
    }
    const done = await first.done;
    expect(done.code).toBe(0);
    expect(snapshot(dir, files)).toEqual(snapshot(reference, files));
    expect(fs.existsSync(lockPath(dir))).toBe(false);
  });

  it("a lock whose process is gone is taken over, said so, and released after the run", async () => {
    const dir = tempDir("auditmod-stale-");
    writeTree(dir, generateHandlerTree(12, 5, "small"));
    const pid = await deadPid();
    writeTree(dir, { ".auditmod/.gitignore": "*\n", ".auditmod/lock": `${JSON.stringify({ pid, command: "run await-to-void", since: "2025-01-02T03:04:05.000Z" })}\n` });
    const r = await spawnCli([...RUN, "--root", dir], dir);
    expect(r.code).toBe(0);
    expect(r.stderr.split("\n")[0]).toBe(`auditmod: took over the lock of pid ${pid} ("run await-to-void"), which is no longer running`);
    expect(r.stderr).toContain("auditmod: 5 changed, 1 unchanged, 0 skipped, 0 errors (6 files, 5 parsed");
    expect(fs.existsSync(lockPath(dir))).toBe(false);
  });

  it("an unreadable lock file is taken over", async () => {
    const dir = tempDir("auditmod-garbled-");
    writeTree(dir, generateHandlerTree(13, 3, "small"));
    writeTree(dir, { ".auditmod/lock": "\u0000garbled" });
    const r = await spawnCli([...RUN, "--root", dir], dir);
    expect(r.code).toBe(0);
    expect(r.stderr.split("\n")[0]).toBe("auditmod: took over an unreadable lock file");
    expect(fs.existsSync(lockPath(dir))).toBe(false);
  });

  it("in one process: a held lock refuses a second taker until released; release removes only its own lock", () => {
    const dir = tempDir("auditmod-inproc-");
    const lock = acquireRunLock(dir, "run await-to-void");
    expect(readLock(dir)).toEqual({ pid: process.pid, command: "run await-to-void", since: lock.holder.since });
    expect(() => acquireRunLock(dir, "undo")).toThrow(new UsageError(heldMessage(dir, lock.holder).slice("auditmod: ".length, -1)));
    lock.release();
    expect(fs.existsSync(lockPath(dir))).toBe(false);

    const again = acquireRunLock(dir, "undo");
    expect(again.tookOver).toBeNull();
    // Someone deleted our lock and another run took it: releasing ours must not remove theirs.
    fs.writeFileSync(lockPath(dir), `${JSON.stringify({ pid: 1, command: "other", since: "x" })}\n`);
    again.release();
    expect(readLock(dir)).toEqual({ pid: 1, command: "other", since: "x" });
  });

  it("a takeover left half-done by a dead process does not block; a live one refuses", async () => {
    const dir = tempDir("auditmod-takeover-");
    const dead = await deadPid();
    const stale = `${JSON.stringify({ pid: dead, command: "run await-to-void", since: "s" })}\n`;
    writeTree(dir, { ".auditmod/lock": stale, ".auditmod/lock.takeover": stale });
    const lock = acquireRunLock(dir, "run await-to-void");
    expect(lock.tookOver).toEqual({ holder: { pid: dead, command: "run await-to-void", since: "s" } });
    expect(listTree(path.join(dir, ".auditmod"))).toEqual([".gitignore", "lock"]);
    lock.release();

    const live = { pid: process.pid, command: "run workspace-target", since: "t" };
    writeTree(dir, { ".auditmod/lock": stale, ".auditmod/lock.takeover": `${JSON.stringify(live)}\n` });
    expect(() => acquireRunLock(dir, "undo")).toThrow(new UsageError(heldMessage(dir, live).slice("auditmod: ".length, -1)));
    expect(fs.readFileSync(lockPath(dir), "utf8")).toBe(stale);
  });
});
