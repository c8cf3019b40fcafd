import type { Collection, JSCodeshift } from "jscodeshift";
import { positionOf } from "../audit/location";
import { findTransform } from "../audit/transforms";
import type { AuditConventions, Finding, TransformCore } from "../audit/types";
import { assertParses, describeSyntaxError, parseForEdit, parseForProbe, parserFor } from "./parse";

/** One step of a run: a transform name and its options (an instrument spec, `--style`, ...). */
export interface StepSpec {
  name: string;
  options?: Record<string, unknown>;
}

/** One file to process; plain data so it can be posted to a worker thread. */
export interface FileJob {
  index: number;
  file: string;
  text: string;
  steps: StepSpec[];
  conventions: AuditConventions;
}

export type FileStatus = "changed" | "unchanged" | "skipped" | "error";

/** Every file ends in exactly one state; `output` is set only when it changed. */
export interface FileOutcome {
  index: number;
  file: string;
  status: FileStatus;
  reason?: string;
  findings: Finding[];
  output?: string;
}

export function resolveSteps(steps: StepSpec[]): TransformCore[] {
  return steps.map((step) => {
    const core = findTransform(step.name);
    if (!core) throw new Error(`unknown transform "${step.name}"`);
    return core;
  });
}

/** The text prefilter: true when some step could match, so the file is worth parsing. */
export function mayMatchAny(text: string, steps: StepSpec[]): boolean {
  const cores = resolveSteps(steps);
  return cores.some((core, i) => core.mayMatch(text, steps[i].options ?? {}));
}

interface StepsResult {
  changed: boolean;
  findings: Finding[];
}

function applySteps(job: FileJob, j: JSCodeshift, root: Collection): StepsResult {
  const cores = resolveSteps(job.steps);
  const findings: Finding[] = [];
  let changed = false;
  cores.forEach((core, i) => {
    const stepChanged = core.apply({
      j,
      root,
      file: job.file,
      source: job.text,
      conventions: job.conventions,
      options: job.steps[i].options ?? {},
      report(node, message, severity = "warning") {
        findings.push({ file: job.file, ...positionOf(node), step: core.name, severity, message });
      },
    });
    changed = changed || stepChanged;
  });
  return { changed, findings };
}

function errorOutcome(job: FileJob, reason: string): FileOutcome {
  return { index: job.index, file: job.file, status: "error", reason, findings: [] };
}

/**
 * Runs every step on one file. A cheap parse (no tokens, no recast) tells whether anything changes;
 * only then is the file parsed by recast and printed, so unchanged files are never reprinted.
 */
export function processFile(job: FileJob): FileOutcome {
  const parser = parserFor(job.file);
  let probe: StepsResult;
  try {
    const { j, root } = parseForProbe(job.text, parser);
    probe = applySteps(job, j, root);
  } catch (error) {
    if ((error as { loc?: unknown }).loc) {
      const e = describeSyntaxError(error);
      return errorOutcome(job, `cannot parse (line ${e.line}, column ${e.column}): ${e.message}`);
    }
    return errorOutcome(job, `a step failed: ${(error as Error).message}`);
  }
  if (!probe.changed) {
    return { index: job.index, file: job.file, status: "unchanged", findings: probe.findings };
  }
  let output: string;
  let result: StepsResult;
  try {
    const { j, root } = parseForEdit(job.text, parser);
    result = applySteps(job, j, root);
    output = root.toSource({ quote: job.conventions.quote });
  } catch (error) {
    return errorOutcome(job, `a step failed: ${(error as Error).message}`);
  }
  try {
    assertParses(output, parser);
  } catch (error) {
    const e = describeSyntaxError(error);
    return errorOutcome(job, `the transformed code does not parse (line ${e.line}, column ${e.column}): ${e.message}; file left as it was`);
  }
  if (output === job.text) {
    return { index: job.index, file: job.file, status: "unchanged", findings: result.findings };
  }
  return { index: job.index, file: job.file, status: "changed", findings: result.findings, output };
}

/** A chunk of jobs at once: what a worker thread runs per message. */
export function processFiles(jobs: FileJob[]): FileOutcome[] {
  return jobs.map(processFile);
}
