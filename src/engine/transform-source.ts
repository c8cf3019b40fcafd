import type { AuditConventions } from "../audit/types";
import { processFile, type FileOutcome, type StepSpec } from "./pipeline";
import { decodeSource, encodeOutput } from "./text";

/** One file's text through the steps exactly as a run treats it (BOM, CRLF, prefilter-free); for tests and tools. */
export function transformSource(file: string, source: string, steps: StepSpec[], conventions: AuditConventions): FileOutcome {
  const decoded = decodeSource(Buffer.from(source, "utf8"));
  if (!decoded.ok) return { index: 0, file, status: "skipped", reason: decoded.reason, findings: [] };
  const outcome = processFile({ index: 0, file, text: decoded.source.text, steps, conventions });
  return outcome.output === undefined ? outcome : { ...outcome, output: encodeOutput(outcome.output, decoded.source) };
}
