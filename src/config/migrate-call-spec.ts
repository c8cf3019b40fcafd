import { z } from "zod";
import { parseMutationPattern } from "../audit/mutation";
import { metavariablesOf, parsePattern } from "../audit/pattern";
import type { Node } from "../audit/ast";
import { formatIssues } from "./config";
import { SpecError, type FileFilter } from "./spec";
import { TemplateImportSchema, type TemplateImport } from "./template-import";

/*
 * `migrate-call` specs: which calls (`callee`, optionally only as imported from `import`), what
 * their object argument must look like (`match`), and how it changes (`remove`, `set`, `rename`,
 * `rename-callee`, `args`). Validated with zod, one message per problem; plain data for the workers.
 */

/** A validated `migrate-call` spec. */
export interface MigrateCallSpec {
  callee: string;
  /** Only calls of the callee imported from this module match. */
  import?: string;
  /** Root-relative filters, as for instrument specs; absent: every file. */
  files?: (string | FileFilter)[];
  /** Property -> pattern (`$name` captures an expression). */
  match: Record<string, string>;
  remove: string[];
  /** Property -> expression template (`$name`: a capture; `$prop`: the property's old value). */
  set: Record<string, string>;
  rename: Record<string, string>;
  "rename-callee"?: string;
  /** `(<patterns>) -> (<templates>)`: a reshape of the positional arguments. */
  args?: string;
  /** Names the templates use, imported where a migrated file lacks them. */
  imports: TemplateImport[];
}

/** The capture `$prop` stands for in `set`: the old value of the property being set. */
export const PROP_METAVARIABLE = "prop";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The two sides of an `args` reshape, each an argument list as written in parentheses; or why it is not one. */
export function splitArgsReshape(text: string): { from: Node[]; to: string } | string {
  const arrow = text.indexOf(") ->");
  const split = arrow < 0 ? -1 : arrow + 1;
  if (split < 0) return `expected "(<patterns>) -> (<expressions>)", got "${text}"`;
  const left = text.slice(0, split).trim();
  const right = text.slice(split + 3).trim();
  const from = parsePattern(`__args${left}`);
  if (typeof from === "string" || from.type !== "CallExpression") return `the left side "${left}" is not an argument list in parentheses`;
  const to = parsePattern(`__args${right}`);
  if (typeof to === "string" || to.type !== "CallExpression") return `the right side "${right}" is not an argument list in parentheses`;
  const known = metavariablesOf(from);
  const unknown = metavariablesOf(to).filter((name) => !known.includes(name));
  if (unknown.length > 0) return `the right side uses ${unknown.map((n) => `$${n}`).join(", ")}, which the left side does not capture`;
  return { from: from.arguments as Node[], to: right };
}

function refine<T>(problem: (value: T) => string | null) {
  return (value: T, ctx: z.RefinementCtx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  };
}

const PropertyName = z.string().min(1, "expected a property name, got an empty string");
const Identifier = z.string().superRefine(refine((name) => (IDENTIFIER.test(name) ? null : `expected an identifier, got "${name}"`)));
const PatternText = z.string().superRefine(refine((text) => {
  const parsed = parsePattern(text);
  return typeof parsed === "string" ? parsed : null;
}));

const MigrateCallSchema = z
  .object({
    callee: z.string().superRefine(refine((c) => {
      const parsed = parseMutationPattern(c);
      return typeof parsed === "string" ? parsed : null;
    })),
    import: z.string().min(1, "expected a module specifier").optional(),
    files: z.array(z.string().min(1, "expected a path or glob, got an empty string")).min(1, "expected at least one path or glob (leave `files` out to look everywhere)").optional(),
    match: z.record(PropertyName, PatternText).default({}),
    remove: z.array(PropertyName).default([]),
    set: z.record(PropertyName, PatternText).default({}),
    rename: z.record(PropertyName, Identifier).default({}),
    "rename-callee": Identifier.optional(),
    args: z.string().superRefine(refine((a) => {
      const split = splitArgsReshape(a);
      return typeof split === "string" ? split : null;
    })).optional(),
    imports: z.array(TemplateImportSchema).default([]),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    const edits = Object.keys(spec.match).length + spec.remove.length + Object.keys(spec.set).length + Object.keys(spec.rename).length;
    if (edits === 0 && spec.args === undefined && spec["rename-callee"] === undefined) {
      problem([], "a migration needs at least one of match, remove, set, rename, rename-callee or args");
    }
    if (spec.args !== undefined && edits > 0) {
      problem(["args"], "args reshapes the whole argument list: migrate the object argument (match, remove, set, rename) in a step of its own");
    }
    const parsedCallee = parseMutationPattern(spec.callee);
    if (spec.import !== undefined && typeof parsedCallee !== "string" && parsedCallee.kind === "any-object") {
      problem(["import"], `a callee "*.method" is not imported: give "fn" or "Obj.method" with import`);
    }
    for (const old of Object.keys(spec.rename)) {
      if (spec.remove.includes(old)) problem(["rename", old], `"${old}" is both renamed and removed`);
    }
    const captured = new Set(Object.values(spec.match).flatMap((text) => {
      const parsed = parsePattern(text);
      return typeof parsed === "string" ? [] : metavariablesOf(parsed);
    }));
    for (const [key, text] of Object.entries(spec.set)) {
      const parsed = parsePattern(text);
      if (typeof parsed === "string") continue;
      for (const name of metavariablesOf(parsed)) {
        if (name !== PROP_METAVARIABLE && !captured.has(name)) problem(["set", key], `$${name} is not captured by any match pattern`);
      }
    }
  });

/** The keys of a spec: the core reads only these from its options (the rest are conventions and engine flags). */
export const MIGRATE_CALL_KEYS = ["callee", "import", "files", "match", "remove", "set", "rename", "rename-callee", "args", "imports"] as const;

/** The spec held in a step's options, beside convention keys and jscodeshift's own flags. */
export function migrateCallSpecFromOptions(options: Record<string, unknown>): MigrateCallSpec {
  const picked: Record<string, unknown> = {};
  for (const key of MIGRATE_CALL_KEYS) if (options[key] !== undefined) picked[key] = options[key];
  // Filters already checked against a root arrive as objects; validate the rest as written.
  const files = picked.files;
  const checked = Array.isArray(files) && files.every((f) => typeof f === "object" && f !== null);
  if (checked) delete picked.files;
  const spec = parseMigrateCallSpec(picked);
  return checked ? { ...spec, files: files as FileFilter[] } : spec;
}

/** Validates a `migrate-call` spec; throws `SpecError` with one line per problem, prefixed with `where`. */
export function parseMigrateCallSpec(raw: unknown, where = ""): MigrateCallSpec {
  const parsed = MigrateCallSchema.safeParse(raw);
  if (!parsed.success) throw new SpecError(formatIssues(parsed.error.issues, where));
  return parsed.data;
}

/** The problems of a `migrate-call` spec as `where.key: message` lines (none when it is valid). */
export function migrateCallProblems(raw: unknown, where: string): { spec: MigrateCallSpec | null; problems: string[] } {
  const parsed = MigrateCallSchema.safeParse(raw);
  return parsed.success ? { spec: parsed.data, problems: [] } : { spec: null, problems: formatIssues(parsed.error.issues, where) };
}
