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

// A read (lstat and read) from the page cache takes about 10 microseconds here, from a cold cache about 100.
const SLOW_READ_MS = 0.04;
// Reads are judged by windows: most of a window slow means a cold cache, a few slow ones a pause (a collection).
const WINDOW = 32;
const SLOW_IN_WINDOW = 16;
// Reads kept in flight once reading ahead: enough to keep libuv's threads and the disk busy.
const READ_AHEAD = 64;

/**
 * Reads a run's files in order. While reads are quick (the files are in the page cache) each is read
 * when asked for, which costs least; once most reads of a window of 32 are slow (a cold cache, a network
 * disk), the next READ_AHEAD files are read concurrently on libuv's threads, ahead of the run.
 */
export class FileReader {
  private readonly ahead = new Map<number, Promise<RawRead>>();
  private started = 0;
  private slowInWindow = 0;
  private readInWindow = 0;
  private cold = false;

  /** `slowReadMs`: how long a read may take and still count as quick. */
  constructor(
    private readonly paths: readonly string[],
    private readonly maxFileSize: number,
    private readonly slowReadMs = SLOW_READ_MS,
  ) {}

  /** True once reads run ahead (for tests and the run's own figures). */
  get readingAhead(): boolean {
    return this.cold;
  }

  async read(index: number): Promise<RawRead> {
    if (!this.cold) {
      const began = performance.now();
      const read = readNow(this.paths[index], this.maxFileSize);
      if (performance.now() - began > this.slowReadMs) this.slowInWindow++;
      if (++this.readInWindow === WINDOW) {
        this.cold = this.slowInWindow >= SLOW_IN_WINDOW;
        this.readInWindow = this.slowInWindow = 0;
      }
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
