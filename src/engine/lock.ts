import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./errors";
import { isProcessAlive, tempPathFor } from "./write";

/** auditmod's own folder in the root: the lock and the undo journal. Git ignores it through its own `.gitignore`. */
export const STATE_DIR = ".auditmod";
export const LOCK_FILE = "lock";

/** Creates `dir` unless it exists; a link or a file in its place is refused (a link could lead out of the root). */
export function ensureRealFolder(dir: string): void {
  const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) throw new UsageError(`${dir} exists and is not a folder (auditmod keeps its lock and undo journal there; a link is not followed)`);
  if (!stat) fs.mkdirSync(dir);
}

/** The state folder of `root`, created (with a `.gitignore` of `*`) on first use. */
export function ensureStateDir(root: string): string {
  const dir = path.join(root, STATE_DIR);
  try {
    ensureRealFolder(dir);
    // "wx" never follows a link planted in place of the file.
    fs.writeFileSync(path.join(dir, ".gitignore"), "*\n", { flag: "wx" });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EEXIST") throw new UsageError(`cannot use ${dir} for the lock and undo journal: ${code ?? (error as Error).message}`);
  }
  return dir;
}

/** Removes the state folder again when it holds nothing but its `.gitignore`: a run that wrote nothing leaves no trace. */
export function removeStateDirIfUnused(root: string): void {
  const dir = path.join(root, STATE_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  if (names.some((n) => n !== ".gitignore")) return;
  fs.rmSync(path.join(dir, ".gitignore"), { force: true });
  try {
    fs.rmdirSync(dir);
  } catch {
    // Something appeared meanwhile: keep the folder.
  }
}

/** Who holds a lock, as written in the lock file. */
export interface LockHolder {
  pid: number;
  command: string;
  since: string;
}

export interface RunLock {
  file: string;
  holder: LockHolder;
  /** Set when the lock was taken over from a dead process (`holder` null: the lock file was unreadable). */
  tookOver: { holder: LockHolder | null } | null;
  release(): void;
}

type Observed = { state: "missing" } | { state: "held"; raw: string; holder: LockHolder | null };

function observe(file: string): Observed {
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: "missing" };
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof parsed.pid === "number") return { state: "held", raw, holder: { pid: parsed.pid, command: String(parsed.command ?? "?"), since: String(parsed.since ?? "?") } };
  } catch {
    // An unreadable lock names no live holder: it is taken over like a stale one.
  }
  return { state: "held", raw, holder: null };
}

/**
 * Creates `file` holding `content` only if it does not exist. The content is complete before the
 * name appears (written to a temp file, then hard-linked), so a reader never sees a half-written lock.
 */
function createExclusive(file: string, content: string): boolean {
  const temp = tempPathFor(file);
  fs.writeFileSync(temp, content, { flag: "wx" });
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
    // File systems without hard links: an exclusive create is the best they offer.
    try {
      fs.writeFileSync(file, content, { flag: "wx" });
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw inner;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function describeHolder(holder: LockHolder): string {
  return `pid ${holder.pid}, "${holder.command}", since ${holder.since}`;
}

function heldError(root: string, file: string, holder: LockHolder | null): UsageError {
  const who = holder ? `another auditmod run (${describeHolder(holder)})` : "another auditmod run";
  return new UsageError(`${who} is writing under ${root}; wait for it to finish (lock: ${file}; if that process is not auditmod, delete the lock)`);
}

/**
 * Takes `<root>/.auditmod/lock` for a writing run, or throws a UsageError naming the live holder.
 * A lock whose process is gone is taken over. Two processes taking over the same stale lock are
 * serialised by a second exclusive file, so at most one of them ends up holding it.
 */
export function acquireRunLock(root: string, command: string): RunLock {
  const dir = ensureStateDir(root);
  try {
    return takeLock(root, dir, command);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot take the lock ${path.join(dir, LOCK_FILE)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function takeLock(root: string, dir: string, command: string): RunLock {
  const file = path.join(dir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
  const content = `${JSON.stringify(holder)}\n`;
  let tookOver: RunLock["tookOver"] = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(file, content)) {
      return {
        file,
        holder,
        tookOver,
        release() {
          const now = observe(file);
          if (now.state === "held" && now.raw === content) fs.rmSync(file, { force: true });
        },
      };
    }
    const seen = observe(file);
    if (seen.state === "missing") continue;
    if (seen.holder && isProcessAlive(seen.holder.pid)) throw heldError(root, file, seen.holder);
    tookOver = { holder: seen.holder };
    removeStaleLock(root, file, seen.raw, content);
  }
  throw heldError(root, file, null);
}

/** Deletes the lock if it still holds `staleRaw`, under an exclusive takeover file. */
function removeStaleLock(root: string, file: string, staleRaw: string, content: string): void {
  const takeover = `${file}.takeover`;
  if (!createExclusive(takeover, content)) {
    const other = observe(takeover);
    if (other.state === "held" && other.holder && isProcessAlive(other.holder.pid)) throw heldError(root, file, other.holder);
    fs.rmSync(takeover, { force: true }); // left by a process that died while taking over
    return;
  }
  try {
    const now = observe(file);
    if (now.state === "held" && now.raw === staleRaw) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(takeover, { force: true });
  }
}
