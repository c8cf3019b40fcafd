import type { Collection, JSCodeshift } from "jscodeshift";
import { positionOf } from "../audit/location";
import { printEdited, printLayout } from "../audit/print";
import { findTransform } from "../audit/transforms";
import { expectTypeQuestions, typecheckCost } from "../audit/typecheck";
import type { AuditConventions, Finding, TransformCore } from "../audit/types";
import { fileTextOf, snapshotTree, spliceChanges } from "../audit/splice";
import { assertParses, describeSyntaxError, parseForEdit, parseForProbe, parserFor, printNew, type ParserName } from "./parse";

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
  /** False to skip the cheap probe parse (see `prefilterVerdict`). */
  probe?: boolean;
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
  /** On a changed file: how many emits each step inserted, by step index (what registration is decided on). */
  emits?: number[];
  /** What `--typecheck` cost for this file: checker time and files newly loaded. */
  typecheck?: { ms: number; files: number };
}

/** True when a step of `steps` asks the TypeScript checker (`--typecheck`). */
export function asksTypes(steps: readonly StepSpec[]): boolean {
  return steps.some((step) => step.options?.typecheck === true);
}

export function resolveSteps(steps: StepSpec[]): TransformCore[] {
  return steps.map((step) => {
    const core = findTransform(step.name);
    if (!core) throw new Error(`unknown transform "${step.name}"`);
    return core;
  });
}

/**
 * The text prefilter: "skip" when no step could match (the file is never parsed), "edit" when a
 * matching step's prefilter is precise (the file usually changes: parse it for editing at once),
 * else "probe" (a cheap parse first decides).
 */
export function prefilterVerdict(text: string, steps: StepSpec[], emitNames: readonly string[]): "skip" | "probe" | "edit" {
  const cores = resolveSteps(steps);
  const matched = cores.filter((core, i) => core.mayMatch(text, steps[i].options ?? {}, emitNames));
  if (matched.length === 0) return "skip";
  return matched.some((core) => core.precisePrefilter) ? "edit" : "probe";
}

/**
 * The byte prefilter: substrings (as bytes) one of which a file must hold for any step to match it,
 * or null when some step names none (every file is then decoded and asked `mayMatch`).
 */
export function prefilterNeedles(steps: StepSpec[], emitNames: readonly string[]): Buffer[] | null {
  const cores = resolveSteps(steps);
  const needles: Buffer[] = [];
  for (const [i, core] of cores.entries()) {
    const own = core.needles?.(steps[i].options ?? {}, emitNames);
    if (!own) return null;
    for (const needle of own) needles.push(Buffer.from(needle, "utf8"));
  }
  return needles;
}

/** True when `bytes` hold one of `needles`. */
export function holdsNeedle(bytes: Buffer, needles: Buffer[]): boolean {
  return needles.some((needle) => bytes.indexOf(needle) >= 0);
}

interface StepsResult {
  changed: boolean;
  findings: Finding[];
  emits: number[];
}

function applySteps(job: FileJob, j: JSCodeshift, root: Collection, fileText?: (node: unknown) => string | null | undefined): StepsResult {
  const cores = resolveSteps(job.steps);
  const findings: Finding[] = [];
  const emits = cores.map(() => 0);
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
      emitInserted() {
        emits[i]++;
      },
      fileText,
    });
    changed = changed || stepChanged;
  });
  return { changed, findings, emits };
}

function errorOutcome(job: FileJob, reason: string): FileOutcome {
  return { index: job.index, file: job.file, status: "error", reason, findings: [] };
}

function parseFailure(job: FileJob, error: unknown): FileOutcome {
  if ((error as { loc?: unknown }).loc) {
    const e = describeSyntaxError(error);
    return errorOutcome(job, `cannot parse (line ${e.line}, column ${e.column}): ${e.message}`);
  }
  return errorOutcome(job, `a step failed: ${(error as Error).message}`);
}

/**
 * Runs every step on one file. A cheap parse (no tokens, no recast) tells whether anything changes;
 * only then is the file parsed by recast and printed, so unchanged files are never reprinted.
 * `job.probe === false` skips that first parse when the prefilter already says the file will change.
 */
export function processFile(job: FileJob): FileOutcome {
  if (!asksTypes(job.steps)) return processFileSteps(job);
  const before = typecheckCost();
  const outcome = processFileSteps(job);
  const after = typecheckCost();
  const cost = { ms: after.ms - before.ms, files: after.files - before.files };
  return cost.ms > 0 || cost.files > 0 ? { ...outcome, typecheck: cost } : outcome;
}

function processFileSteps(job: FileJob): FileOutcome {
  const parser = parserFor(job.file);
  if (job.probe !== false) {
    let probe: StepsResult;
    try {
      const { j, root } = parseForProbe(job.text, parser);
      probe = applySteps(job, j, root);
    } catch (error) {
      return parseFailure(job, error);
    }
    if (!probe.changed) {
      return { index: job.index, file: job.file, status: "unchanged", findings: probe.findings };
    }
  }
  const spliced = spliceFile(job, parser);
  return "outcome" in spliced ? spliced.outcome : reprintFile(job, parser);
}

/** The file parsed by recast, the steps run on it, and the whole tree reprinted: what the splice printer stands in for. */
export function reprintFile(job: FileJob, parser: ParserName = parserFor(job.file)): FileOutcome {
  let edit: { j: JSCodeshift; root: Collection };
  try {
    edit = parseForEdit(job.text, parser);
  } catch (error) {
    return parseFailure(job, error);
  }
  let output: string;
  let result: StepsResult;
  try {
    result = applySteps(job, edit.j, edit.root);
    output = result.changed ? printEdited(edit.root, job.text, job.conventions) : job.text;
  } catch (error) {
    return errorOutcome(job, `a step failed: ${(error as Error).message}`);
  }
  return checkedOutcome(job, parser, output, result);
}

/** The outcome for a step's output: unchanged when equal to the input, else changed only if it parses. */
function checkedOutcome(job: FileJob, parser: ParserName, output: string, result: StepsResult): FileOutcome {
  if (output === job.text) {
    return { index: job.index, file: job.file, status: "unchanged", findings: result.findings };
  }
  try {
    assertParses(output, parser);
  } catch (error) {
    const e = describeSyntaxError(error);
    return errorOutcome(job, `the transformed code does not parse (line ${e.line}, column ${e.column}): ${e.message}; file left as it was`);
  }
  return { index: job.index, file: job.file, status: "changed", findings: result.findings, output, emits: result.emits };
}

/**
 * Print only what changed: the steps run on a plain @babel/parser tree, and the nodes they put in
 * place of others are printed and spliced into the original text. `declined` when a change is not one
 * the splice printer takes (see src/audit/splice.ts): the caller then parses with recast and reprints.
 */
export function spliceFile(job: FileJob, parser: ParserName = parserFor(job.file)): { outcome: FileOutcome } | { declined: string } {
  let result: StepsResult;
  let spliced: ReturnType<typeof spliceChanges>;
  try {
    const { j, root } = parseForProbe(job.text, parser);
    const file = root.get().node as object;
    const snapshot = snapshotTree(file);
    let printedOriginal = false;
    result = applySteps(job, j, root, (node) => {
      const text = fileTextOf(node, snapshot, job.text);
      printedOriginal ||= text === null;
      return text;
    });
    if (!result.changed) return { outcome: { index: job.index, file: job.file, status: "unchanged", findings: result.findings } };
    // A step that printed file code read it as recast prints a plain tree, not as the file has it: recast decides.
    if (printedOriginal) return { declined: "a step printed code of the file that was edited or that recast prints otherwise" };
    spliced = spliceChanges(job.text, file, snapshot, (node, layout) => printNew(node, job.conventions.quote, layout), () => printLayout(job.text));
  } catch (error) {
    // The recast pass reports the failure as before.
    return { declined: `failed on the plain tree: ${(error as Error).message}` };
  }
  return spliced.ok ? { outcome: checkedOutcome(job, parser, spliced.text, result) } : { declined: spliced.reason };
}

/** Tells the checker which files of a batch may ask it about types, so they share one program. */
export function expectTypecheck(jobs: readonly FileJob[]): void {
  for (const job of jobs) {
    for (const step of job.steps) {
      if (step.options?.typecheck === true && typeof step.options.root === "string") expectTypeQuestions(step.options.root, [job.file]);
    }
  }
}

/** A chunk of jobs at once: what a worker thread runs per message. */
export function processFiles(jobs: FileJob[]): FileOutcome[] {
  expectTypecheck(jobs);
  return jobs.map(processFile);
}
