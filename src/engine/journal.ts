import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./errors";
import { acquireRunLock, ensureRealFolder, ensureStateDir, removeStateDirIfUnused, STATE_DIR } from "./lock";
import { containedTarget } from "./discover";
import { atomicWrite, identityOf, isProcessAlive, removeIfUnchanged, sha256, sweepStaleTempFiles, writeStateFile } from "./write";

/** How many runs the undo journal keeps; older ones are deleted when a new run starts writing. */
export const JOURNAL_RUNS_KEPT = 10;
const RUNS_DIR = "runs";
const MANIFEST = "journal.json";
const ORIGINALS = "originals.bin";
const TRASH_PREFIX = ".deleting-";

/** One file a run set out to write: enough to put it back, and to know whether it still holds what the run wrote. */
export interface JournalEntry {
  /** Root-relative, forward slashes. */
  file: string;
  /** Where the original bytes lie in `originals.bin`; null when the run created the file. */
  original: { offset: number; length: number } | null;
  beforeSha256: string | null;
  afterSha256: string;
  /** Set when the run completes: false for a file it did not write (changed under it, or a write error). */
  written?: boolean;
}

/** `interrupted`: the run died while writing (its files are each either as before or as it meant to write them). */
export type RunStatus = "writing" | "complete" | "interrupted";

export interface RunJournal {
  version: 1;
  id: string;
  command: string;
  pid: number;
  startedAt: string;
  finishedAt?: string;
  status: RunStatus;
  /** Files actually written, known once the run completes. */
  written?: number;
  undone?: { at: string; restored: number; kept: number };
  entries: JournalEntry[];
}

/** A file a run is about to write: `before` null when it creates the file. */
export interface JournalEdit {
  file: string;
  before: Uint8Array | null;
  after: string | Uint8Array;
}

function runsDir(root: string): string {
  return path.join(root, STATE_DIR, RUNS_DIR);
}

function runDir(root: string, id: string): string {
  return path.join(runsDir(root), id);
}

/** A sortable id from the clock (`20250114-093012-123`), suffixed when two runs start in the same millisecond. */
function newRunId(root: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").replace(/\.(\d{3})Z$/, "-$1");
  for (let n = 1; ; n++) {
    const id = n === 1 ? stamp : `${stamp}-${n}`;
    try {
      fs.mkdirSync(runDir(root, id));
      return id;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

function readManifest(root: string, id: string): RunJournal | null {
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(runDir(root, id), MANIFEST), "utf8")) as RunJournal;
    return journal.version === 1 && journal.id === id ? journal : null;
  } catch {
    return null;
  }
}

function saveManifest(root: string, journal: RunJournal): void {
  writeStateFile(path.join(runDir(root, journal.id), MANIFEST), `${JSON.stringify(journal, null, 1)}\n`);
}

/** Every run folder, oldest first (ids sort by time). */
function runIds(root: string): string[] {
  try {
    return fs
      .readdirSync(runsDir(root), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith(TRASH_PREFIX))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/** The journaled runs of `root`, newest first. */
export function listRunJournals(root: string): RunJournal[] {
  return runIds(root)
    .map((id) => readManifest(root, id))
    .filter((j): j is RunJournal => j !== null)
    .reverse();
}

/**
 * Keeps the newest `keep` runs; also removes folders a run died in before its manifest existed.
 * A run leaves the list in one step (renamed away, then deleted), so a kill never leaves half a journal. Call under the lock.
 */
function pruneRuns(root: string, keep: number): void {
  const ids = runIds(root);
  const valid = ids.filter((id) => readManifest(root, id) !== null);
  const doomed = new Set([...ids.filter((id) => !valid.includes(id)), ...valid.slice(0, Math.max(0, valid.length - keep))]);
  for (const id of doomed) {
    const trash = path.join(runsDir(root), `${TRASH_PREFIX}${id}`);
    fs.renameSync(runDir(root, id), trash);
    fs.rmSync(trash, { recursive: true, force: true });
  }
  for (const name of fs.readdirSync(runsDir(root))) {
    if (name.startsWith(TRASH_PREFIX)) fs.rmSync(path.join(runsDir(root), name), { recursive: true, force: true });
  }
}

export interface OpenRunJournal {
  id: string;
  /** Records that the run finished, and which files it wrote. */
  finish(written: string[]): void;
}

/**
 * Journals a run's edits before any is written: the original bytes (one blob) and a manifest with the
 * hash of what each file will hold, both fsynced. Keeps the last JOURNAL_RUNS_KEPT runs. Call under the lock.
 */
export function beginRunJournal(root: string, command: string, edits: JournalEdit[]): OpenRunJournal {
  ensureStateDir(root);
  ensureRealFolder(runsDir(root));
  pruneRuns(root, JOURNAL_RUNS_KEPT - 1);
  const id = newRunId(root);
  const blobs: Buffer[] = [];
  let offset = 0;
  const entries: JournalEntry[] = edits.map((edit) => {
    const after = typeof edit.after === "string" ? Buffer.from(edit.after, "utf8") : edit.after;
    if (edit.before === null) return { file: edit.file, original: null, beforeSha256: null, afterSha256: sha256(after) };
    const before = Buffer.from(edit.before.buffer, edit.before.byteOffset, edit.before.byteLength);
    blobs.push(before);
    const original = { offset, length: before.length };
    offset += before.length;
    return { file: edit.file, original, beforeSha256: sha256(before), afterSha256: sha256(after) };
  });
  writeStateFile(path.join(runDir(root, id), ORIGINALS), Buffer.concat(blobs));
  const journal: RunJournal = { version: 1, id, command, pid: process.pid, startedAt: new Date().toISOString(), status: "writing", entries };
  saveManifest(root, journal);
  return {
    id,
    finish(written) {
      const wrote = new Set(written);
      const done = journal.entries.map((e) => ({ ...e, written: wrote.has(e.file) }));
      saveManifest(root, { ...journal, entries: done, status: "complete", finishedAt: new Date().toISOString(), written: wrote.size });
    },
  };
}

/** Folders where a run (or an undo) may have left temp files: beside every journaled file, and the state folder. */
function journaledDirs(root: string, journals: RunJournal[]): string[] {
  const dirs = new Set<string>([path.join(root, STATE_DIR), runsDir(root), ...journals.map((j) => runDir(root, j.id))]);
  for (const journal of journals) {
    for (const entry of journal.entries) {
      const target = containedTarget(root, entry.file);
      if (target.ok) dirs.add(path.dirname(target.abs));
    }
  }
  return [...dirs];
}

export interface WritingSession {
  /** What the user should hear before the run: temp files swept, runs found interrupted. */
  notices: string[];
  release(): void;
}

/**
 * The start of anything that writes under `root` (a run, an undo): take the lock, sweep temp files
 * dead runs left beside the files they journaled, and mark runs that died while writing as interrupted.
 * Temp files exist only beside journaled files (the journal is written before any file), so no walk
 * of the whole tree is needed.
 */
export function beginWritingSession(root: string, command: string): WritingSession {
  const lock = acquireRunLock(root, command);
  try {
    const notices: string[] = [];
    const stale = lock.tookOver?.holder;
    if (stale) notices.push(`took over the lock of pid ${stale.pid} ("${stale.command}"), which is no longer running`);
    else if (lock.tookOver) notices.push("took over an unreadable lock file");
    const journals = listRunJournals(root);
    const swept = sweepStaleTempFiles(journaledDirs(root, journals));
    if (swept.length > 0) notices.push(`removed ${swept.length} temp file(s) left by an interrupted run: ${swept.map((f) => path.relative(root, f)).join(", ")}`);
    for (const journal of journals) {
      if (journal.status !== "writing" || isProcessAlive(journal.pid)) continue;
      saveManifest(root, { ...journal, status: "interrupted" });
      notices.push(`run ${journal.id} ("${journal.command}") was interrupted while writing; each of its files is either as before or as that run meant to write it (\`auditmod undo --run ${journal.id}\` puts them back)`);
    }
    const release = () => {
      lock.release();
      removeStateDirIfUnused(root);
    };
    return { notices, release };
  } catch (error) {
    lock.release();
    removeStateDirIfUnused(root);
    throw error;
  }
}

/** The run `auditmod undo` acts on: the named one, else the newest not yet undone. */
export function selectRunToUndo(root: string, id: string | undefined): RunJournal {
  const journals = listRunJournals(root);
  if (id !== undefined) {
    const found = journals.find((j) => j.id === id);
    if (!found) {
      const known = journals.map((j) => j.id).join(", ") || "none";
      throw new UsageError(`no journaled run "${id}" in ${path.join(root, STATE_DIR)} (journaled runs: ${known})`);
    }
    return found;
  }
  const latest = journals.find((j) => !j.undone);
  if (!latest) throw new NothingToUndo(journals.length === 0 ? `no journaled run in ${path.join(root, STATE_DIR)}` : "every journaled run is undone already (name one with --run to retry it)");
  return latest;
}

/** There is no run to undo: not a usage mistake, but nothing was done. */
export class NothingToUndo extends Error {}

export type UndoAction = "restored" | "deleted" | "already" | "unwritten" | "kept";

/** What undo did (or, dry, would do) to one file of the run. */
export interface UndoFileResult {
  file: string;
  action: UndoAction;
  reason?: string;
  /** For restored/deleted files: the text now and the text undo puts back (null: the file goes away). */
  current?: Buffer;
  restored?: Buffer | null;
}

function undoEntry(root: string, entry: JournalEntry, originals: Buffer, dry: boolean): UndoFileResult {
  const { file } = entry;
  if (entry.written === false) return { file, action: "unwritten", reason: "the run did not write it" };
  const target = containedTarget(root, file);
  if (!target.ok) return { file, action: "kept", reason: `not restored: the path is ${target.reason}` };
  const stat = fs.lstatSync(target.abs, { throwIfNoEntry: false });
  if (!stat) {
    return entry.original === null ? { file, action: "already", reason: "already deleted" } : { file, action: "kept", reason: "deleted since the run; not restored" };
  }
  if (!stat.isFile()) return { file, action: "kept", reason: "no longer a regular file; not restored" };
  const current = fs.readFileSync(target.abs);
  const hash = sha256(current);
  if (hash !== entry.afterSha256) {
    if (hash === entry.beforeSha256) return { file, action: "already", reason: "already as before the run" };
    return { file, action: "kept", reason: "changed since the run; kept as it is" };
  }
  const original = entry.original ? originals.subarray(entry.original.offset, entry.original.offset + entry.original.length) : null;
  if (original && sha256(original) !== entry.beforeSha256) return { file, action: "kept", reason: "the journal's copy is damaged; not restored" };
  const action: UndoAction = original ? "restored" : "deleted";
  if (!dry) {
    const result = original ? atomicWrite(target.abs, original, current, identityOf(stat)) : removeIfUnchanged(target.abs, current);
    if (!result.ok) return { file, action: "kept", reason: result.reason.replace("during the run", "during undo") };
  }
  return { file, action, current, restored: original };
}

/**
 * Puts back every file of `journal` that still holds exactly what the run wrote; files changed since
 * are kept and reported. Call inside a writing session (unless dry). Marks the run undone.
 */
export function undoRun(root: string, journal: RunJournal, dry: boolean): UndoFileResult[] {
  let originals: Buffer;
  try {
    originals = fs.readFileSync(path.join(runDir(root, journal.id), ORIGINALS));
  } catch (error) {
    throw new UsageError(`run ${journal.id}: cannot read its journal: ${(error as Error).message}`);
  }
  const results = journal.entries.map((entry) => undoEntry(root, entry, originals, dry));
  if (!dry) {
    const count = (a: UndoAction) => results.filter((r) => r.action === a).length;
    saveManifest(root, { ...journal, undone: { at: new Date().toISOString(), restored: count("restored") + count("deleted"), kept: count("kept") } });
  }
  return results;
}
