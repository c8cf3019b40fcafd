import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { malformedActionProblem, malformedMetadataKeyProblem, targetTypeProblem } from "../audit/action-name";
import { templateCallee } from "../audit/instrument/template";
import { parseMutationPattern } from "../audit/mutation";
import { formatIssues } from "./config";
import { migrateCallProblems, type MigrateCallSpec } from "./migrate-call-spec";
import { TemplateImportSchema, type TemplateImport } from "./template-import";

/*
 * Instrumentation specs and batch manifests (docs/specs.md): their zod schemas, loading from JSON or
 * YAML, and the `files` filter. A spec travels to the workers as plain data (`InstrumentSpec`).
 */

/** One `files` entry once checked against the root: a path matched literally, or a glob. */
export type FileFilter = { literal: string } | { glob: string };

export interface SpecTarget {
  type: string;
  /** An expression in scope at the mutation (source text), e.g. `space`. */
  resource: string;
}

export interface SpecActor {
  type: string;
  id: string;
  name?: string;
}

/** A validated spec: what the `instrument` core reads from its options. */
export interface InstrumentSpec {
  /** The audit action to emit; absent when the spec places a `template` instead. */
  action?: string;
  /** Any call to place instead of an audit emit (source text), e.g. `void trackEvent({ ... })`. */
  template?: string;
  /** The imports the template needs. */
  import?: TemplateImport;
  mutation: string;
  /** Root-relative filters; a raw string is a glob (or the exact file). Absent: every file. */
  files?: (string | FileFilter)[];
  targets: SpecTarget[];
  /** Metadata key -> expression (source text), keys as written. */
  metadata: Record<string, string>;
  outcome: "success" | "failure";
  /** The actor of a direct emit (no `Authenticator` in scope, only a workspace). */
  actor?: SpecActor;
  /** `required`: a mutation whose outcome is never checked is reported instead of instrumented. */
  guard: "required" | "optional";
}

/** A zod refinement from a `(value) => problem | null` check, so the domain owns the wording. */
function check<T>(problem: (value: T) => string | null) {
  return (value: T, ctx: z.RefinementCtx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  };
}

/** Why `text` is not one TypeScript expression, or null. */
export function expressionProblem(text: string): string | null {
  if (text.trim() === "") return "expected an expression, got an empty string";
  const babel = require("@babel/parser") as typeof import("@babel/parser");
  try {
    babel.parseExpression(text, { plugins: ["typescript"] });
    return null;
  } catch (error) {
    return `"${text}" is not an expression: ${String((error as Error).message).replace(/\s*\(\d+:\d+\)$/, "")}`;
  }
}

/** A YAML scalar read as text (`count: 3`, `id: 42`): "Required" when absent, else what was expected. */
function scalarText(expected: string, scalars: [z.ZodTypeAny, z.ZodTypeAny, ...z.ZodTypeAny[]]) {
  return z.union(scalars, { errorMap: (_issue, ctx) => ({ message: ctx.data === undefined ? "Required" : expected }) }).transform(String);
}

// YAML reads `enabled: true` or `count: 3` as scalars; as source text they are the same expression.
const ExpressionText = scalarText("expected an expression (source text)", [z.string(), z.number(), z.boolean()]).pipe(
  z.string().superRefine(check(expressionProblem)),
);

const TargetSchema = z
  .object({
    type: z.string().superRefine(
      check((type) => (type === "workspace" ? "the workspace target is always added first (AUDIT7); list only the other targets" : targetTypeProblem(type))),
    ),
    resource: ExpressionText,
  })
  .strict();

const ActorSchema = z
  .object({
    type: z.string().min(1),
    id: scalarText("expected a string", [z.string(), z.number()]).pipe(z.string().min(1)),
    name: z.string().min(1).optional(),
  })
  .strict();

export const SpecSchema = z
  .object({
    // Only the shape is refused here: AUDIT8/AUDIT9 depend on the registry and schemas the run reads.
    action: z.string().superRefine(check(malformedActionProblem)).optional(),
    template: z.string().superRefine(check(expressionProblem)).optional(),
    import: TemplateImportSchema.optional(),
    mutation: z.string().superRefine(check((m) => (typeof parseMutationPattern(m) === "string" ? (parseMutationPattern(m) as string) : null))),
    files: z.array(z.string().min(1, "expected a path or glob, got an empty string")).min(1, "expected at least one path or glob (leave `files` out to look everywhere)").optional(),
    targets: z.array(TargetSchema).default([]),
    metadata: z.record(z.string().superRefine(check(malformedMetadataKeyProblem)), ExpressionText).default({}),
    outcome: z.enum(["success", "failure"]).default("success"),
    actor: ActorSchema.optional(),
    guard: z.enum(["required", "optional"]).default("optional"),
  })
  .strict()
  .superRefine(templateProblems);

/** Why a spec mixes an audit emit (`action`) and a `template`, or writes a template that is not one call: one message per problem. */
function templateProblems(spec: { action?: string; template?: string; targets: unknown[]; metadata: object; actor?: unknown; import?: unknown }, ctx: z.RefinementCtx): void {
  const problem = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  if (spec.action === undefined && spec.template === undefined) return;
  if (spec.action !== undefined && spec.template !== undefined) return problem("`action` and `template` do not go together: an audit emit, or the template's call");
  if (spec.template === undefined) {
    if (spec.import) problem("`import` goes with `template`: an audit emit imports what it needs itself");
    return;
  }
  if (expressionProblem(spec.template) === null && templateCallee(spec.template) === null) {
    problem(`a template is one call, such as \`void trackEvent({ ... })\`, so that a function already making it is recognised; got "${spec.template}"`);
  }
  const emitKeys = [spec.targets.length > 0 && "targets", Object.keys(spec.metadata).length > 0 && "metadata", spec.actor !== undefined && "actor"].filter(Boolean);
  if (emitKeys.length > 0) problem(`${emitKeys.join(", ")} describe${emitKeys.length === 1 ? "s" : ""} an audit emit; a template writes its call in full`);
}

/** The keys of a spec: the core reads only these from its options (the rest are conventions and engine flags). */
export const SPEC_KEYS = ["action", "template", "import", "mutation", "files", "targets", "metadata", "outcome", "actor", "guard"] as const;

/** A problem in a spec or manifest, as `where: message` lines (one per problem). */
export class SpecError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "SpecError";
  }
}

/** Validates a spec (e.g. from a file or flags); throws `SpecError` with one line per problem, prefixed with `where`. */
export function parseSpec(raw: unknown, where = ""): InstrumentSpec {
  const checked = checkSpec(raw, where);
  if (!checked.spec) throw new SpecError(checked.problems);
  return checked.spec;
}

/** The spec, or every problem it has: zod's, and a missing `action` (or `template`), told even when other keys fail too. */
function checkSpec(raw: unknown, where: string): { spec: InstrumentSpec | null; problems: string[] } {
  const parsed = SpecSchema.safeParse(raw);
  const fields = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  const missing = fields && fields.action === undefined && fields.template === undefined ? [`${where ? `${where}.` : ""}action: Required (or \`template\`: any call to place instead of an audit emit)`] : [];
  if (parsed.success && missing.length === 0) return { spec: parsed.data, problems: [] };
  return { spec: null, problems: [...missing, ...(parsed.success ? [] : formatIssues(parsed.error.issues, where))] };
}

/** The spec held in a step's options (flat: `{ action, mutation, targets, ... }` beside convention keys). */
export function specFromOptions(options: Record<string, unknown>): InstrumentSpec {
  const picked: Record<string, unknown> = {};
  for (const key of SPEC_KEYS) if (options[key] !== undefined) picked[key] = options[key];
  // Filters already checked against a root arrive as objects; validate the rest as written.
  const files = picked.files;
  const checked = Array.isArray(files) && files.every((f) => typeof f === "object" && f !== null);
  if (checked) delete picked.files;
  const spec = parseSpec(picked);
  return checked ? { ...spec, files: files as FileFilter[] } : spec;
}

// ---------------------------------------------------------------------------------------------
// `files`: root-relative globs, or existing paths matched literally (Next.js `[wId]` needs no escaping).

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** Checks one `files` entry against the root: a filter, or why it is refused. */
export function resolveFileFilter(root: string, entry: string): FileFilter | string {
  const fg = require("fast-glob") as typeof import("fast-glob");
  const absolute = path.isAbsolute(entry);
  const relative = absolute ? path.relative(root, entry) : path.normalize(entry);
  if (relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return `"${entry}" lies outside the root (${root})`;
  const posix = toPosix(relative === "" ? "." : relative).replace(/\/$/, "");
  if (fs.existsSync(path.join(root, posix))) return { literal: posix === "." ? "" : posix };
  if (!fg.isDynamicPattern(posix)) return `"${entry}" names no file or folder below the root and is not a glob`;
  return { glob: posix };
}

/** Resolves every spec's `files` against the root; problems are returned as `where.files[i]: message` lines. */
export function resolveSpecFiles<S extends { files?: (string | FileFilter)[] }>(spec: S, root: string, where = ""): { spec: S; problems: string[] } {
  if (!spec.files) return { spec, problems: [] };
  const problems: string[] = [];
  const files: FileFilter[] = [];
  spec.files.forEach((entry, i) => {
    if (typeof entry !== "string") {
      files.push(entry);
      return;
    }
    const resolved = resolveFileFilter(root, entry);
    if (typeof resolved === "string") problems.push(`${where ? `${where}.` : ""}files[${i}]: ${resolved}`);
    else files.push(resolved);
  });
  return { spec: { ...spec, files }, problems };
}

type Micromatch = { isMatch(file: string, pattern: string | string[], options?: Record<string, unknown>): boolean };

/** True when the root-relative `file` is selected by the filters (a folder selects what lies below it). */
export function matchesFiles(file: string, filters: readonly (string | FileFilter)[]): boolean {
  const micromatch = require("micromatch") as Micromatch;
  return filters.some((filter) => {
    if (typeof filter === "string") return file === filter || micromatch.isMatch(file, filter);
    if ("literal" in filter) return filter.literal === "" || file === filter.literal || file.startsWith(`${filter.literal}/`);
    return micromatch.isMatch(file, filter.glob);
  });
}

// ---------------------------------------------------------------------------------------------
// Batch manifests.

/** A fixer step's options: `- stringify-metadata: { typecheck: true }`. */
export interface FixerOptions {
  typecheck?: boolean;
}

export type ManifestStep = { kind: "fixer"; name: string; options?: FixerOptions } | { kind: "instrument"; spec: InstrumentSpec } | { kind: "migrate-call"; spec: MigrateCallSpec };

export interface Manifest {
  /** The `root` written in the manifest (relative to the manifest's folder), if any. */
  root?: string;
  /** The default of every stringify-metadata step's `typecheck`. */
  typecheck?: boolean;
  steps: ManifestStep[];
}

/** The fixers whose step takes options, and which. */
const FIXER_OPTIONS: Record<string, z.ZodType<FixerOptions>> = {
  "stringify-metadata": z.object({ typecheck: z.boolean().optional() }).strict(),
};

const ManifestShape = z
  .object({
    root: z.string().min(1).optional(),
    typecheck: z.boolean().optional(),
    steps: z.array(z.unknown()).min(1, "a batch needs at least one step"),
  })
  .strict();

/**
 * Validates a parsed manifest. `fixers` are the fixer names a step may use; every problem becomes
 * one `steps[2].instrument.action: ...` line, and nothing is returned unless there are none.
 */
export function parseManifest(raw: unknown, fixers: readonly string[]): Manifest {
  const shape = ManifestShape.safeParse(raw);
  const problems: string[] = shape.success ? [] : formatIssues(shape.error.issues);
  // The steps are checked even when the top level has a problem too: every problem is told at once.
  const rawSteps = raw && typeof raw === "object" ? (raw as { steps?: unknown }).steps : undefined;
  const steps: ManifestStep[] = [];
  (Array.isArray(rawSteps) ? rawSteps : []).forEach((step, i) => {
    const where = `steps[${i}]`;
    if (typeof step === "string") {
      if (step === "instrument") problems.push(`${where}: an instrument step needs a spec: write \`- instrument: { action: ..., mutation: ... }\``);
      else if (step === "migrate-call") problems.push(`${where}: a migrate-call step needs a spec: write \`- migrate-call: { callee: ..., ... }\``);
      else if (!fixers.includes(step)) problems.push(`${where}: unknown fixer "${step}" (known: ${fixers.join(", ")})`);
      else steps.push({ kind: "fixer", name: step });
      return;
    }
    const keys = step && typeof step === "object" && !Array.isArray(step) ? Object.keys(step) : [];
    if (keys.length === 1 && keys[0] === "migrate-call") {
      const migration = migrateCallProblems((step as { "migrate-call": unknown })["migrate-call"], `${where}.migrate-call`);
      if (migration.spec) steps.push({ kind: "migrate-call", spec: migration.spec });
      problems.push(...migration.problems);
      return;
    }
    if (keys.length === 1 && fixers.includes(keys[0])) {
      const name = keys[0];
      const schema = FIXER_OPTIONS[name];
      if (!schema) {
        problems.push(`${where}.${name}: this fixer takes no options; write it as a name: \`- ${name}\``);
        return;
      }
      const options = schema.safeParse((step as Record<string, unknown>)[name] ?? {});
      if (options.success) steps.push({ kind: "fixer", name, options: options.data });
      else problems.push(...formatIssues(options.error.issues, `${where}.${name}`));
      return;
    }
    if (keys.length !== 1 || keys[0] !== "instrument") {
      problems.push(`${where}: expected a fixer name, \`instrument: { ... }\` or \`migrate-call: { ... }\`, got ${describeValue(step)}`);
      return;
    }
    const checked = checkSpec((step as { instrument: unknown }).instrument, `${where}.instrument`);
    if (checked.spec) steps.push({ kind: "instrument", spec: checked.spec });
    problems.push(...checked.problems);
  });
  const typecheck = raw && typeof raw === "object" ? (raw as { typecheck?: unknown }).typecheck : undefined;
  if (typecheck === true && !steps.some((s) => s.kind === "fixer" && s.name === "stringify-metadata")) {
    problems.push("typecheck: only stringify-metadata steps use it, and this batch has none");
  }
  if (problems.length > 0 || !shape.success) throw new SpecError(problems);
  return { root: shape.data.root, typecheck: shape.data.typecheck, steps };
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return `an object with keys ${Object.keys(value as object).map((k) => `"${k}"`).join(", ") || "(none)"}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Reads a JSON or YAML file (by extension; `.json` is JSON, anything else YAML, which JSON also is). */
export function readSpecFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new SpecError([`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
  if (file.endsWith(".json")) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new SpecError([`${file}: not valid JSON: ${(error as Error).message}`]);
    }
  }
  const YAML = require("yaml") as typeof import("yaml");
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new SpecError(doc.errors.map((e) => `${file}:${e.linePos?.[0].line ?? 1}:${e.linePos?.[0].col ?? 1}: not valid YAML: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`));
  }
  return doc.toJS();
}

export type SpecLocator = (keys: (string | number)[]) => { line: number; column: number } | null;

/**
 * Finds entries in a JSON or YAML spec file (parsed once; JSON is read as the YAML it also is):
 * the 1-based line and column of the entry at `keys` (for a map entry, its key), or null.
 */
export function specFileLocator(file: string): SpecLocator {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return () => null;
  }
  const YAML = require("yaml") as typeof import("yaml");
  const lines = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lines });
  return (keys) => {
    const parent = doc.getIn(keys.slice(0, -1), true);
    const last = keys[keys.length - 1];
    let range: [number, number, number] | null | undefined;
    if (YAML.isMap(parent)) {
      const pair = parent.items.find((p) => YAML.isScalar(p.key) && p.key.value === last);
      range = pair && YAML.isNode(pair.key) ? pair.key.range : null;
    } else if (YAML.isSeq(parent) && typeof last === "number") {
      const item = parent.items[last];
      range = YAML.isNode(item) ? item.range : null;
    }
    if (!range) return null;
    const { line, col } = lines.linePos(range[0]);
    return { line, column: col };
  };
}
