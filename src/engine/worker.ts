import { jscodeshiftFor } from "./parse";
import { processFiles, type FileJob, type FileOutcome } from "./pipeline";

// A worker exists only because files are waiting to be parsed: load the parser while the main thread still reads.
jscodeshiftFor("ts");
jscodeshiftFor("tsx");

/** Piscina entry point: one chunk of files per task. */
export default function runChunk(jobs: FileJob[]): FileOutcome[] {
  return processFiles(jobs);
}
