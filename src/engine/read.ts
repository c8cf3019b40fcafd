import * as fs from "node:fs";
import { performance } from "node:perf_hooks";

/** One file as read: its lstat and bytes (none for what is not a regular file or is too large), or why it could not be read. */
export type RawRead = { ok: true; stat: fs.Stats; bytes: Buffer | null } | { ok: false; reason: string };

function failure(error: unknown): RawRead {
  return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
}

function wanted(stat: fs.Stats, maxFileSize: number): boolean {
  return !stat.isSymbolicLink() && stat.isFile() && stat.size <= maxFileSize;
}

function readNow(abs: string, maxFileSize: number): RawRead {
  try {
    const stat = fs.lstatSync(abs);
    return { ok: true, stat, bytes: wanted(stat, maxFileSize) ? fs.readFileSync(abs) : null };
  } catch (error) {
    return failure(error);
  }
}

function readLater(abs: string, maxFileSize: number): Promise<RawRead> {
  return new Promise((resolve) => {
    fs.lstat(abs, (statError, stat) => {
      if (statError) return resolve(failure(statError));
      if (!wanted(stat, maxFileSize)) return resolve({ ok: true, stat, bytes: null });
      fs.readFile(abs, (readError, bytes) => resolve(readError ? failure(readError) : { ok: true, stat, bytes }));
    });
  });
}

// A read from the page cache takes tens of microseconds; slower ones mean the disk is being read.
const SLOW_READ_MS = 0.25;
const SLOW_READS_BEFORE_AHEAD = 8;
// Reads kept in flight once reading ahead: enough to keep libuv's threads and the disk busy.
const READ_AHEAD = 64;

/**
 * Reads a run's files in order. While reads are quick (the files are in the page cache) each is read
 * when asked for, which costs least; once they turn slow (a cold cache, a network disk), the next
 * READ_AHEAD files are read concurrently on libuv's threads, ahead of the run.
 */
export class FileReader {
  private readonly ahead = new Map<number, Promise<RawRead>>();
  private started = 0;
  private slowReads = 0;

  /** `slowReadMs`: how long a read may take and still count as quick. */
  constructor(
    private readonly paths: readonly string[],
    private readonly maxFileSize: number,
    private readonly slowReadMs = SLOW_READ_MS,
  ) {}

  /** True once reads run ahead (for tests and the run's own figures). */
  get readingAhead(): boolean {
    return this.slowReads >= SLOW_READS_BEFORE_AHEAD;
  }

  async read(index: number): Promise<RawRead> {
    if (!this.readingAhead) {
      const began = performance.now();
      const read = readNow(this.paths[index], this.maxFileSize);
      if (performance.now() - began > this.slowReadMs) this.slowReads++;
      this.started = index + 1;
      return read;
    }
    for (; this.started < Math.min(this.paths.length, index + READ_AHEAD); this.started++) {
      this.ahead.set(this.started, readLater(this.paths[this.started], this.maxFileSize));
    }
    const read = this.ahead.get(index) ?? readLater(this.paths[index], this.maxFileSize);
    this.ahead.delete(index);
    return read;
  }
}
