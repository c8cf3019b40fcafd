import * as fs from "node:fs";
import * as path from "node:path";
import type { Piscina } from "piscina";
import { asksTypes, expectTypecheck, processFiles, type FileJob, type FileOutcome } from "./pipeline";

// Fewer parses than this run faster in-process: a changed file costs about 3 ms with the splice printer, and each thread first spends 0.2-0.3 s loading the parser (npm run bench, dense corpus).
const MIN_JOBS_FOR_WORKERS = 512;
const CHUNK_SIZE = 16;
// Chunks sent but not yet answered, per thread, before reading pauses: unprocessed texts would otherwise pile up in memory.
const CHUNKS_IN_FLIGHT_PER_THREAD = 4;

function workerScript(): string | null {
  const script = path.join(__dirname, "worker.js");
  return fs.existsSync(script) ? script : null;
}

/**
 * Takes jobs while the run is still reading files and returns their outcomes in job order.
 * Small runs stay in-process; once enough jobs arrive, worker threads start (loading the parser
 * while the main thread reads on) and chunks are sent to them as they fill.
 */
export class JobQueue {
  private readonly script = workerScript();
  private pool: Piscina | null = null;
  private held: FileJob[] = [];
  private readonly pending: Promise<FileOutcome[]>[] = [];
  private done = 0;
  private inFlight = 0;
  private wake: (() => void) | null = null;
  private total = 0;
  private typecheck = false;
  private onProgress?: (done: number, total: number) => void;

  /** `settled` hears each outcome a thread returns, as it arrives (the run then lets go of what only a change needs). */
  constructor(
    private readonly threads: number,
    private readonly settled?: (outcome: FileOutcome) => void,
  ) {}

  add(job: FileJob): void {
    this.total++;
    this.held.push(job);
    // A `--typecheck` run stays on one thread: one checker program holds every file that asks (threads would each build their own, chunk by chunk, and a file would not see the declarations of files in later chunks).
    this.typecheck ||= asksTypes(job.steps);
    if (!this.pool && !this.typecheck && this.threads > 1 && this.script && this.held.length >= MIN_JOBS_FOR_WORKERS) {
      const { Piscina: PiscinaClass } = require("piscina") as typeof import("piscina");
      this.pool = new PiscinaClass({ filename: this.script, minThreads: this.threads, maxThreads: this.threads, idleTimeout: 100 });
    }
    if (this.pool) while (this.held.length >= CHUNK_SIZE) this.dispatch(this.held.splice(0, CHUNK_SIZE));
  }

  get size(): number {
    return this.total;
  }

  /** Resolves once the threads have few enough chunks waiting for the run to read on (at once without threads). */
  async room(): Promise<void> {
    while (this.pool && this.inFlight >= this.threads * CHUNKS_IN_FLIGHT_PER_THREAD) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private dispatch(chunk: FileJob[]): void {
    this.inFlight++;
    const run = this.pool!.run(chunk) as Promise<FileOutcome[]>;
    const settled = () => {
      this.inFlight--;
      const wake = this.wake;
      this.wake = null;
      wake?.();
    };
    run.then(settled, settled);
    const outcomes = run.then((result) => {
      if (this.settled) for (const outcome of result) this.settled(outcome);
      this.done += result.length;
      this.onProgress?.(this.done, this.total);
      return result;
    });
    // Handled here so a failure while the run still reads is not an unhandled rejection; finish() rethrows it.
    outcomes.catch(() => undefined);
    this.pending.push(outcomes);
  }

  /** Runs what is left and resolves to every outcome in the order the jobs were added. */
  async finish(onProgress?: (done: number, total: number) => void): Promise<FileOutcome[]> {
    this.onProgress = onProgress;
    if (!this.pool) {
      const outcomes: FileOutcome[] = [];
      expectTypecheck(this.held);
      for (const job of this.held) {
        outcomes.push(...processFiles([job]));
        onProgress?.(outcomes.length, this.total);
      }
      return outcomes;
    }
    try {
      if (this.held.length > 0) this.dispatch(this.held.splice(0));
      return (await Promise.all(this.pending)).flat();
    } finally {
      await this.pool.destroy();
    }
  }
}
