import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** Temp files carry this marker so a later run can sweep ones a killed run left behind. */
export const TEMP_MARKER = ".auditmod-tmp-";

// `.<name>.auditmod-tmp-<pid>-<8 hex>`: the pid tells a dead run's leftovers from a live run's.
const TEMP_NAME = /\.auditmod-tmp-(\d+)-[0-9a-f]{8}$/;

/** True while a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function sha256(data: string | Uint8Array): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}

export type WriteResult = { ok: true } | { ok: false; reason: string };

/** Which file a path named when it was read: a file replaced since (rename over it) has another inode. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

export function identityOf(stat: fs.Stats): FileIdentity {
  return { dev: stat.dev, ino: stat.ino };
}

/** A temp file beside `file`, named so a sweep can recognise it. */
export function tempPathFor(file: string, pid = process.pid): string {
  return path.join(path.dirname(file), `.${path.basename(file)}${TEMP_MARKER}${pid}-${crypto.randomBytes(4).toString("hex")}`);
}

/** Why `file` no longer holds what was read (`expected`, `identity`), or null when it still does. */
function changedSinceRead(file: string, expected: Uint8Array, identity: FileIdentity | undefined): string | null {
  let current: Buffer;
  try {
    const stat = fs.lstatSync(file);
    if (!stat.isFile()) return "changed during the run (no longer a regular file)";
    if (identity && (stat.dev !== identity.dev || stat.ino !== identity.ino)) return "changed during the run (replaced by another file)";
    current = fs.readFileSync(file);
  } catch {
    return "changed during the run (deleted)";
  }
  return current.equals(Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength)) ? null : "changed during the run";
}

/**
 * Replaces `file` with `content` atomically (temp file beside it, fsync, rename), keeping its mode.
 * `expected` is the content read at the start (null: the file must not exist yet); a file changed,
 * deleted or replaced since (`identity` from the read) is not overwritten. The check runs again just
 * before the rename, so the window in which another writer's change could be lost is one syscall wide.
 */
export function atomicWrite(file: string, content: string | Uint8Array, expected: Uint8Array | null, identity?: FileIdentity): WriteResult {
  let mode = 0o644;
  if (expected !== null) {
    const changed = changedSinceRead(file, expected, identity);
    if (changed) return { ok: false, reason: changed };
    mode = fs.lstatSync(file).mode & 0o7777;
    // A rename would replace a file its owner made read-only (and root passes every access check): refuse by the mode bits.
    if ((mode & 0o222) === 0) return { ok: false, reason: "read-only file (no write permission); not written" };
  } else if (fs.existsSync(file)) {
    return { ok: false, reason: "already exists" };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    writeDurably(temp, content, mode);
    fs.chmodSync(temp, mode);
    const changed = expected === null ? (fs.existsSync(file) ? "already exists" : null) : changedSinceRead(file, expected, identity);
    if (changed) {
      fs.rmSync(temp, { force: true });
      return { ok: false, reason: changed };
    }
    fs.renameSync(temp, file);
    return { ok: true };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    return { ok: false, reason: `cannot write: ${(error as Error).message}` };
  }
}

/** Creates `temp` (never an existing file) with `content` and fsyncs it, so a rename publishes complete bytes. */
function writeDurably(temp: string, content: string | Uint8Array, mode: number): void {
  const fd = fs.openSync(temp, "wx", mode);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Deletes `file` if it still holds exactly `expected` (undo of a file a run created). */
export function removeIfUnchanged(file: string, expected: Uint8Array): WriteResult {
  const changed = changedSinceRead(file, expected, undefined);
  if (changed) return { ok: false, reason: changed.replace("during the run", "since the run") };
  try {
    fs.unlinkSync(file);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `cannot delete: ${(error as Error).message}` };
  }
}

/** Writes a small state file (journal, lock helper) atomically: temp, fsync, rename. */
export function writeStateFile(file: string, content: string | Uint8Array): void {
  const temp = tempPathFor(file);
  try {
    writeDurably(temp, content, 0o644);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Removes temp files that dead auditmod processes left in `dirs` (absolute, each a real folder).
 * Only names carrying the marker and a pid that is no longer running are touched; returns their paths.
 */
export function sweepStaleTempFiles(dirs: Iterable<string>): string[] {
  const removed: string[] = [];
  for (const dir of new Set(dirs)) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (!m || !name.startsWith(".") || isProcessAlive(Number(m[1]))) continue;
      const temp = path.join(dir, name);
      try {
        if (!fs.lstatSync(temp).isFile()) continue;
        fs.unlinkSync(temp);
        removed.push(temp);
      } catch {
        // Gone already, or not ours to remove: nothing to sweep.
      }
    }
  }
  return removed;
}
