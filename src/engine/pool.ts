import * as fs from "node:fs";
import * as path from "node:path";
import { processFiles, type FileJob, type FileOutcome } from "./pipeline";

// Fewer parses than this are cheaper in-process than starting threads that each load jscodeshift.
const MIN_JOBS_FOR_WORKERS = 48;
const CHUNK_SIZE = 16;

function workerScript(): string | null {
  const script = path.join(__dirname, "worker.js");
  return fs.existsSync(script) ? script : null;
}

/** Processes jobs on worker threads (or in-process for small runs); outcomes come back in job order. */
export async function processInPool(jobs: FileJob[], threads: number, onProgress?: (done: number) => void): Promise<FileOutcome[]> {
  const script = workerScript();
  if (threads <= 1 || jobs.length < MIN_JOBS_FOR_WORKERS || !script) {
    const outcomes: FileOutcome[] = [];
    for (const job of jobs) {
      outcomes.push(...processFiles([job]));
      onProgress?.(outcomes.length);
    }
    return outcomes;
  }
  const { Piscina } = require("piscina") as typeof import("piscina");
  const pool = new Piscina({ filename: script, minThreads: threads, maxThreads: threads, idleTimeout: 100 });
  try {
    let done = 0;
    const chunks: FileJob[][] = [];
    for (let i = 0; i < jobs.length; i += CHUNK_SIZE) chunks.push(jobs.slice(i, i + CHUNK_SIZE));
    const results = await Promise.all(
      chunks.map(async (chunk) => {
        const out = (await pool.run(chunk)) as FileOutcome[];
        done += out.length;
        onProgress?.(done);
        return out;
      }),
    );
    return results.flat();
  } finally {
    await pool.destroy();
  }
}
