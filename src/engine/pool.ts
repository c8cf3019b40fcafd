import * as fs from "node:fs";
import * as path from "node:path";
import type { Piscina } from "piscina";
import { processFiles, type FileJob, type FileOutcome } from "./pipeline";

// Fewer parses than this run faster in-process: a changed file costs about 3 ms with the splice printer, and each thread first spends 0.2-0.3 s loading the parser (npm run bench, dense corpus).
const MIN_JOBS_FOR_WORKERS = 512;
const CHUNK_SIZE = 16;

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
  private total = 0;
  private onProgress?: (done: number, total: number) => void;

  constructor(private readonly threads: number) {}

  add(job: FileJob): void {
    this.total++;
    this.held.push(job);
    if (!this.pool && this.threads > 1 && this.script && this.held.length >= MIN_JOBS_FOR_WORKERS) {
      const { Piscina: PiscinaClass } = require("piscina") as typeof import("piscina");
      this.pool = new PiscinaClass({ filename: this.script, minThreads: this.threads, maxThreads: this.threads, idleTimeout: 100 });
    }
    if (this.pool) while (this.held.length >= CHUNK_SIZE) this.dispatch(this.held.splice(0, CHUNK_SIZE));
  }

  get size(): number {
    return this.total;
  }

  private dispatch(chunk: FileJob[]): void {
    this.pending.push(
      (this.pool!.run(chunk) as Promise<FileOutcome[]>).then((outcomes) => {
        this.done += outcomes.length;
        this.onProgress?.(this.done, this.total);
        return outcomes;
      }),
    );
  }

  /** Runs what is left and resolves to every outcome in the order the jobs were added. */
  async finish(onProgress?: (done: number, total: number) => void): Promise<FileOutcome[]> {
    this.onProgress = onProgress;
    if (!this.pool) {
      const outcomes: FileOutcome[] = [];
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
