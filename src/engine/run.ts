import * as fs from "node:fs";
import * as path from "node:path";
import type { AuditConventions, Finding } from "../audit/types";
import type { AuditmodConfig } from "../config/config";
import { findActionsInCode, type ActionUse } from "./actions-in-code";
import { emitNames } from "../audit/emit";
import { emitNamesBeforeLearning, withLearnedConventions } from "./conventions";
import { colourDiff, unifiedDiff } from "./diff";
import { assertEditTargetsInsideRoot, assertReportPathsOutsideTree, discoverFiles, toPosix } from "./discover";
import { UsageError } from "./errors";
import { dirtyFiles, filesChangedSince, gitTopLevel } from "./git";
import { beginRunJournal, beginWritingSession } from "./journal";
import { asksTypes, holdsNeedle, prefilterNeedles, prefilterVerdict, resolveSteps, type FileOutcome, type FileStatus, type StepSpec } from "./pipeline";
import { JobQueue } from "./pool";
import { FileReader, type RawRead } from "./read";
import { formatWrittenWithPrettier } from "./prettier";
import { decodeSource, encodeOutput, undecodableReason, type SourceText } from "./text";
import { atomicWrite, identityOf, type FileIdentity } from "./write";

/** A whole-file edit made outside the AST pipeline (registry, schema files); `before` null creates the file. */
export interface FileEdit {
  file: string;
  before: string | null;
  after: string;
}

/** The reason a file whose hunks were all refused is skipped. */
export const REFUSED_IN_REVIEW = "every hunk refused (--interactive)";

/** An edit shown for review (`--interactive`): the file and its whole text before and after. */
export interface ReviewEdit {
  file: string;
  before: string | null;
  after: string;
}

/** The review's verdict on an edit: the text to write (its accepted hunks only), or null to leave the file untouched. */
export type ReviewedEdit = Omit<ReviewEdit, "after"> & { after: string | null };

export interface Shard {
  index: number;
  count: number;
}

export interface RunIO {
  stdout(text: string): void;
  stderr(text: string): void;
  color: boolean;
  progress: boolean;
}

export interface RunRequest {
  command: string;
  config: AuditmodConfig;
  paths: string[];
  steps: StepSpec[];
  dry: boolean;
  print: boolean;
  patch?: string;
  json?: string;
  since?: string;
  shard?: Shard;
  jobs: number;
  allowDirty: boolean;
  failOnError: boolean;
  prefilter: boolean;
  /** Format the statements the steps wrote with the repo's prettier config (`--prettier`, config `format`). */
  prettier?: boolean;
  /** Actions whose existing emits the run looks for in its files (`RunFacts.actionsInCode`). */
  actionsInCode?: readonly string[];
  /** The conventions with the audit module's facts, when the caller has read them already (the run then does not). */
  conventions?: AuditConventions;
  /** Computes registry/schema edits once every file's outcome is known; runs before anything is written. */
  extraEdits?: (facts: RunFacts) => { edits: FileEdit[]; findings: Finding[] };
  /** Asks which hunks to write once every edit is known, before anything is written (`--interactive`). */
  review?: (edits: ReviewEdit[]) => Promise<ReviewedEdit[]>;
  io: RunIO;
}

/** What the files of a run tell the registry update. */
export interface RunFacts {
  /** Emits inserted per step index, over every changed file. */
  emitsByStep: number[];
  /** Of `RunRequest.actionsInCode`, those an existing emit in the run's files already uses (as read, before any step). */
  actionsInCode: Map<string, ActionUse>;
}

export interface FileReport {
  file: string;
  status: FileStatus;
  reason?: string;
}

export interface RunReport {
  command: string;
  root: string;
  dry: boolean;
  summary: Record<FileStatus, number> & { files: number };
  files: FileReport[];
  findings: Finding[];
  written: string[];
  exitCode: number;
}

/** FNV-1a of the path: a stable shard whatever the machine or file order. */
export function shardOf(file: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) {
    hash ^= file.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must be i/n with 1 <= i <= n, got "${value}"`);
  return { index, count };
}

interface ReadFile {
  file: string;
  bytes?: Buffer;
  identity?: FileIdentity;
  source?: SourceText;
  /** What writing the output back needs of the source: BOM and endings (and, for mixed endings, the text). */
  ending?: Parameters<typeof encodeOutput>[1];
  outcome?: FileOutcome;
}

/** The text the steps read, decoded again from the bytes kept (only `--prettier` needs it after the steps). */
function stepTextOf(read: ReadFile): string {
  const decoded = decodeSource(read.bytes!);
  if (!decoded.ok) throw new Error(`${read.file}: ${decoded.reason}`);
  return decoded.source.text;
}

/**
 * What one read file is to the run. With `needles` (the byte prefilter), a file holding none of them is
 * settled here as unchanged without being decoded: only checked to be text, so it is skipped for the same reasons.
 */
function readCandidate(raw: RawRead, file: string, index: number, maxFileSize: number, needles: Buffer[] | null): ReadFile {
  const done = (status: FileStatus, reason?: string): ReadFile => ({ file, outcome: reason ? { index, file, status, reason, findings: [] } : { index, file, status, findings: [] } });
  if (!raw.ok) return done("error", raw.reason);
  const { stat, bytes } = raw;
  if (stat.isSymbolicLink()) return done("skipped", "symbolic link (not followed)");
  if (!stat.isFile()) return done("skipped", "not a regular file");
  if (stat.size > maxFileSize || !bytes) return done("skipped", `larger than the ${maxFileSize}-byte limit (${stat.size} bytes; see --max-file-size)`);
  if (needles && !holdsNeedle(bytes, needles)) {
    const refused = undecodableReason(bytes);
    // The bytes stay with the outcome for what else the run looks for in every file (existing emits of an action).
    return { ...(refused ? done("skipped", refused) : done("unchanged")), bytes };
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return done("skipped", decoded.reason);
  return { file, bytes, identity: identityOf(stat), source: decoded.source };
}

function selectFiles(request: RunRequest): string[] {
  const { root } = request.config;
  let files = discoverFiles(root, request.paths);
  if (request.since) {
    const changed = filesChangedSince(root, request.since);
    files = files.filter((f) => changed.has(f));
  }
  if (request.shard) {
    const { index, count } = request.shard;
    files = files.filter((f) => shardOf(f, count) === index - 1);
  }
  return files;
}

function formatFinding(f: Finding): string {
  // Line 0: a finding about something without lines (a command-line flag).
  const where = f.line > 0 ? `${f.file}:${f.line}:${f.column}` : f.file;
  return `${where}  ${f.severity}  [${f.step}] ${f.message}`;
}

/** Discover, prefilter, transform, then (unless --dry) write: the one run loop behind run, instrument and batch. */
export async function runSteps(request: RunRequest): Promise<RunReport> {
  if (request.dry) return runStepsInSession(request);
  // A writing run holds the root's lock from before it reads until after it writes.
  const session = beginWritingSession(request.config.root, request.command);
  try {
    for (const notice of session.notices) request.io.stderr(`auditmod: ${notice}\n`);
    return await runStepsInSession(request);
  } finally {
    session.release();
  }
}

async function runStepsInSession(request: RunRequest): Promise<RunReport> {
  const started = Date.now();
  const { config, io } = request;
  const { root } = config;
  resolveSteps(request.steps);
  const files = selectFiles(request);
  assertReportPathsOutsideTree(root, [...files, config.registry, config.schemasDir], { "--patch": request.patch, "--json": request.json });

  const outcomes: FileOutcome[] = new Array(files.length);
  // Only the files sent to the steps are kept: their bytes are the diff's and the write's original.
  const reads: (ReadFile | undefined)[] = new Array(files.length);
  // A file that does not change needs its bytes no more: let them go as outcomes arrive, not at the end.
  const queue = new JobQueue(request.jobs, (outcome) => {
    if (outcome.status !== "changed") reads[outcome.index] = undefined;
  });
  // The audit module is read (ts-morph) only once a file reaches a step that needs its conventions.
  const cores = resolveSteps(request.steps);
  let conventions: AuditConventions | null = request.conventions ?? null;
  // Emit names: the learned ones once read; before that, a superset read from the module's text.
  const before = conventions ? { names: emitNames(conventions.module.emitFunctions), learn: false } : emitNamesBeforeLearning(config);
  let names = before.names;
  // The byte prefilter looks for the names known before learning: the learned ones are among them.
  const needles = request.prefilter ? prefilterNeedles(request.steps, before.names) : null;
  const conventionsFor = (text: string): AuditConventions => {
    if (conventions) return conventions;
    if (!cores.some((core, i) => (core.needsConventions || before.learn) && core.mayMatch(text, request.steps[i].options ?? {}, names))) return config.conventions;
    conventions = withLearnedConventions(config, (line) => io.stderr(line)).conventions;
    names = emitNames(conventions.module.emitFunctions);
    return conventions;
  };
  // Existing emits of the instrumented actions are looked for in every file read, whatever the steps' prefilter says.
  const actionNeedles = request.actionsInCode?.length ? request.actionsInCode.map((action) => Buffer.from(action)) : null;
  const actionTexts: { file: string; text: string }[] = [];
  const reader = new FileReader(files.map((file) => path.join(root, file)), config.maxFileSize);
  for (const [index, file] of files.entries()) {
    await queue.room();
    const read = readCandidate(await reader.read(index), file, index, config.maxFileSize, needles);
    if (actionNeedles && read.bytes && holdsNeedle(read.bytes, actionNeedles)) {
      const decoded = decodeSource(read.bytes);
      if (decoded.ok) actionTexts.push({ file, text: decoded.source.text });
    }
    if (read.outcome) {
      outcomes[index] = read.outcome;
    } else {
      // --no-prefilter parses every file, and always probes first.
      const verdict = request.prefilter ? prefilterVerdict(read.source!.text, request.steps, names) : "probe";
      if (verdict === "skip") {
        outcomes[index] = { index, file, status: "unchanged", findings: [] };
      } else {
        // The text goes to the job; only a mixed-ending file needs it again, to put its endings back.
        const { text, ...ending } = read.source!;
        reads[index] = { ...read, source: undefined, ending: ending.eol === "mixed" ? read.source : ending };
        queue.add({ index, file, text, steps: request.steps, conventions: conventionsFor(text), probe: verdict === "probe" });
      }
    }
  }

  const bar = io.progress && queue.size > 300 ? startProgress(queue.size) : null;
  for (const outcome of await queue.finish((n) => bar?.update(n))) outcomes[outcome.index] = outcome;
  bar?.stop();
  if (request.prettier) await formatWrittenWithPrettier(outcomes, (i) => stepTextOf(reads[i]!), root, (m) => io.stderr(`auditmod: ${m}\n`));

  // `fromStep`: the edit was computed from the bytes this run read; else from the text the hook read.
  const edits: (FileEdit & { index?: number; fromStep?: boolean })[] = [];
  for (const outcome of outcomes) {
    if (outcome.status !== "changed") continue;
    const read = reads[outcome.index]!;
    edits.push({ index: outcome.index, file: outcome.file, before: read.bytes!.toString("utf8"), after: encodeOutput(outcome.output!, read.ending!), fromStep: true });
  }
  const extra = request.extraEdits?.(runFacts(request, actionTexts, outcomes, conventions ?? config.conventions)) ?? { edits: [], findings: [] };
  // Registry and schema edits are files of the run too: counted, reported and written like the rest.
  const indexOf = new Map(outcomes.map((o) => [o.file, o.index]));
  for (const edit of extra.edits) {
    if (edits.some((e) => e.file === edit.file)) throw new Error(`${edit.file} is changed both by a step and by the registry update`);
    let index = indexOf.get(edit.file);
    if (index === undefined) {
      index = outcomes.length;
      outcomes.push({ index, file: edit.file, status: "changed", findings: [] });
    } else {
      outcomes[index] = { ...outcomes[index], status: "changed" };
    }
    edits.push({ ...edit, index });
  }
  assertEditTargetsInsideRoot(root, edits.map((e) => e.file));
  if (request.review && !request.dry && edits.length > 0) {
    const verdicts = await request.review(edits.map(({ file, before, after }) => ({ file, before, after })));
    // Walk backwards so removing a refused edit keeps the indexes of those still to visit.
    for (let k = edits.length - 1; k >= 0; k--) {
      const after = verdicts[k].after;
      const index = edits[k].index!;
      if (after === null) {
        outcomes[index] = { ...outcomes[index], status: "skipped", reason: REFUSED_IN_REVIEW, output: undefined };
        edits.splice(k, 1);
      } else {
        edits[k].after = after;
      }
    }
  }

  const top = gitTopLevel(root);
  const prefix = top ? toPosix(path.relative(fs.realpathSync(top), root)) : "";
  const patchPath = (file: string) => (prefix ? `${prefix}/${file}` : file);
  const diffs = edits.map((e) => unifiedDiff(patchPath(e.file), e.before, e.after));

  const written: string[] = [];
  if (!request.dry && edits.length > 0) {
    if (!request.allowDirty) {
      const dirty = dirtyFiles(root, edits.filter((e) => e.before !== null).map((e) => e.file));
      if (dirty.length > 0) {
        throw new UsageError(`refusing to write: git shows uncommitted changes in ${dirty.length} file(s) this run would change: ${dirty.join(", ")} (commit or stash them, or pass --allow-dirty)`);
      }
    }
    const originalOf = (edit: (typeof edits)[number]) => (edit.before === null ? null : edit.fromStep ? reads[edit.index!]!.bytes! : Buffer.from(edit.before));
    const journal = beginRunJournal(root, request.command, edits.map((e) => ({ file: e.file, before: originalOf(e), after: e.after })));
    for (const edit of edits) {
      const result = atomicWrite(path.join(root, edit.file), edit.after, originalOf(edit), edit.fromStep ? reads[edit.index!]!.identity : undefined);
      if (result.ok) {
        written.push(edit.file);
      } else {
        outcomes[edit.index!] = { ...outcomes[edit.index!], status: "error", reason: result.reason, output: undefined };
      }
    }
    journal.finish(written);
  }

  // Each diff ends with a newline, so they concatenate into one patch.
  if (request.dry && diffs.length > 0) io.stdout((io.color ? diffs.map(colourDiff) : diffs).join(""));
  if (request.patch) fs.writeFileSync(request.patch, diffs.join(""));
  if (request.print) for (const e of edits) io.stdout(e.after);

  const findings = [...outcomes.flatMap((o) => o.findings), ...extra.findings];
  for (const f of findings) io.stderr(`${formatFinding(f)}\n`);
  const summary = { files: outcomes.length, changed: 0, unchanged: 0, skipped: 0, error: 0 };
  for (const o of outcomes) {
    summary[o.status]++;
    if (o.status === "skipped" || o.status === "error") io.stderr(`${o.file}  ${o.status}: ${o.reason}\n`);
  }
  const typecheck = outcomes.reduce((sum, o) => (o.typecheck ? { ms: sum.ms + o.typecheck.ms, files: sum.files + o.typecheck.files } : sum), { ms: 0, files: 0 });
  if (asksTypes(request.steps)) {
    io.stderr(`auditmod: --typecheck loaded ${typecheck.files} files into the TypeScript checker in ${(typecheck.ms / 1000).toFixed(2)}s\n`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(2);
  const verb = request.dry ? "would change" : "changed";
  io.stderr(`auditmod: ${summary.changed} ${verb}, ${summary.unchanged} unchanged, ${summary.skipped} skipped, ${summary.error} errors (${summary.files} files, ${queue.size} parsed, ${seconds}s)\n`);

  const failed = summary.error > 0 || extra.findings.some((f) => f.severity === "error");
  const report: RunReport = {
    command: request.command,
    root,
    dry: request.dry,
    summary,
    files: outcomes.map(({ file, status, reason }) => (reason ? { file, status, reason } : { file, status })),
    findings,
    written,
    exitCode: request.failOnError && failed ? 1 : 0,
  };
  if (request.json) fs.writeFileSync(request.json, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

function runFacts(request: RunRequest, actionTexts: { file: string; text: string }[], outcomes: FileOutcome[], conventions: AuditConventions): RunFacts {
  const emitsByStep = request.steps.map(() => 0);
  for (const outcome of outcomes) outcome.emits?.forEach((n, step) => (emitsByStep[step] += n));
  return { emitsByStep, actionsInCode: request.actionsInCode?.length ? findActionsInCode(actionTexts, request.actionsInCode, conventions.module.emitFunctions) : new Map() };
}

function startProgress(total: number): { update(n: number): void; stop(): void } {
  const { SingleBar, Presets } = require("cli-progress") as typeof import("cli-progress");
  const bar = new SingleBar({ stream: process.stderr, format: "auditmod [{bar}] {value}/{total} files", hideCursor: true }, Presets.shades_classic);
  bar.start(total, 0);
  return { update: (n) => bar.update(n), stop: () => bar.stop() };
}
