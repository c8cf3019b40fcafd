import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** Temp files carry this marker so a later run can sweep ones a killed run left behind. */
export const TEMP_MARKER = ".auditmod-tmp-";

export function sha256(data: string | Uint8Array): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}

export type WriteResult = { ok: true } | { ok: false; reason: string };

/**
 * Replaces `file` with `content` atomically (temp file beside it, fsync, rename), keeping its mode.
 * `expected` is the content read at the start: a file changed since is not overwritten.
 */
export function atomicWrite(file: string, content: string, expected: Uint8Array | null): WriteResult {
  let mode = 0o644;
  if (expected !== null) {
    let current: Buffer;
    try {
      const stat = fs.lstatSync(file);
      if (!stat.isFile()) return { ok: false, reason: "changed during the run (no longer a regular file)" };
      mode = stat.mode & 0o7777;
      current = fs.readFileSync(file);
    } catch {
      return { ok: false, reason: "changed during the run (deleted)" };
    }
    if (!current.equals(Buffer.from(expected))) return { ok: false, reason: "changed during the run" };
  } else if (fs.existsSync(file)) {
    return { ok: false, reason: "already exists" };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}${TEMP_MARKER}${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
  try {
    const fd = fs.openSync(temp, "wx", mode);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(temp, mode);
    fs.renameSync(temp, file);
    return { ok: true };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    return { ok: false, reason: `cannot write: ${(error as Error).message}` };
  }
}
