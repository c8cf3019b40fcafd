import { processFiles, type FileJob, type FileOutcome } from "./pipeline";

/** Piscina entry point: one chunk of files per task. */
export default function runChunk(jobs: FileJob[]): FileOutcome[] {
  return processFiles(jobs);
}
