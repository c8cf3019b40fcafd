import type { StatementKind as Statement } from "ast-types/lib/gen/kinds";
import type { ASTPath } from "jscodeshift";
import { matchesFiles, specFromOptions, type InstrumentSpec } from "../../config/spec";
import type { Node } from "../ast";
import { buildEmit, indentUnit, type EmitSubject } from "../build-emit";
import { emitAction, findEmitCalls } from "../emit";
import { positionOf } from "../location";
import {
  callbackCall,
  calleeName,
  dottedName,
  enclosingLoop,
  findFailurePoint,
  findMutationStatement,
  findSuccessPoint,
  isSkip,
  ITERATING_CALLEES,
  matchesMutation,
  mutationCalleeName,
  parseMutationPattern,
  patternNames,
  referencedNames,
  type InsertionPoint,
  type MutationPattern,
  type Skip,
} from "../mutation";
import { enclosingFunction, findAuthInScope, findBinding, findNextRequestInScope, findWorkspaceInScope } from "../scope";
import type { StepContext, TransformCore } from "../types";

/*
 * `instrument` (DESIGN §3): for each call matching the spec's mutation, one emit at its success
 * point (or failure point), or a report saying why the site is left alone. Nothing is guessed.
 */

/** Names every module can read without declaring them. */
const GLOBALS = new Set(["String", "Number", "Boolean", "JSON", "Math", "Date", "Object", "Array", "BigInt", "Symbol", "undefined", "NaN", "Infinity", "parseInt", "parseFloat", "encodeURIComponent", "process", "console", "globalThis"]);

/** Names a module declares at its top level (imports, functions, classes, variables, enums), visible in every function. */
function moduleNames(ctx: StepContext): Set<string> {
  const names = new Set<string>();
  const program = ctx.root.find(ctx.j.Program).get().node as { body: Node[] };
  for (const raw of program.body) {
    const statement = raw.type === "ExportNamedDeclaration" || raw.type === "ExportDefaultDeclaration" ? ((raw.declaration as Node | null) ?? raw) : raw;
    if (statement.type === "ImportDeclaration") {
      for (const s of statement.specifiers as Node[]) names.add((s.local as Node).name as string);
    } else if (statement.type === "VariableDeclaration") {
      for (const d of statement.declarations as Node[]) for (const name of patternNames(d.id as Node)) names.add(name);
    } else if (statement.id && (statement.id as Node).type === "Identifier") {
      names.add((statement.id as Node).name as string);
    }
  }
  return names;
}

/** The path whose scope the emit will run in, and the names the anchor itself declares (visible after it). */
function scopeAt(point: InsertionPoint): { path: ASTPath; declared: string[] } {
  if (point.kind === "start") return { path: point.block, declared: [] };
  if (point.kind === "before") return { path: point.anchor, declared: [] };
  const anchor = point.anchor.node as Node;
  const declared = anchor.type === "VariableDeclaration" ? (anchor.declarations as Node[]).flatMap((d) => patternNames(d.id as Node)) : [];
  const list = point.anchor.parentPath as ASTPath | null;
  const index = point.anchor.name;
  // The next statement sees everything declared up to the emit; without one, the anchor is the nearest place.
  const next = list && Array.isArray(list.value) && typeof index === "number" && index + 1 < list.value.length ? (list.get(index + 1) as ASTPath) : point.anchor;
  return { path: next, declared: next === point.anchor ? declared : [] };
}

function lineOf(node: unknown): number {
  return positionOf(node as never).line;
}

/**
 * recast re-indents a reprinted node's lines by the indentation of the nearest ancestor that starts
 * a line, which is wrong for a block opened mid-line by a chained call (`.delete("/", async (c) => {`).
 * The block's own line is what its statements are indented from.
 */
function alignIndent(node: unknown): void {
  const loc = (node as { loc?: { indent?: number; start: { line: number }; lines?: { getIndentAt(line: number): number } } | null }).loc;
  if (loc?.lines) loc.indent = loc.lines.getIndentAt(loc.start.line);
}

/** Inserts a statement at a point; a lone statement (an `if` branch without braces) becomes a block. */
function insertStatement(ctx: StepContext, point: InsertionPoint, statement: Statement): void {
  if (point.kind === "start") {
    alignIndent(point.block.node);
    (point.block.node as unknown as { body: Statement[] }).body.push(statement);
    return;
  }
  const { anchor } = point;
  const list = anchor.parentPath as ASTPath | null;
  alignIndent((anchor.parent as ASTPath).node);
  if (list && Array.isArray(list.value)) {
    if (point.kind === "before") anchor.insertBefore(statement);
    else anchor.insertAfter(statement);
    return;
  }
  const existing = anchor.node as unknown as Statement;
  anchor.replace(ctx.j.blockStatement(point.kind === "before" ? [statement, existing] : [existing, statement]));
}

interface Site {
  call: ASTPath;
  fn: ASTPath | null;
}

/** True when `path` lies within `ancestor` (everything lies within the module). */
function isInside(path: ASTPath, ancestor: ASTPath | null): boolean {
  if (!ancestor) return true;
  for (let p: ASTPath | null = path; p; p = p.parent as ASTPath | null) if (p.node === ancestor.node) return true;
  return false;
}

/** An emit of `action` already in the function (or module) holding the mutation: its line, else null. */
function existingEmitLine(ctx: StepContext, fn: ASTPath | null, action: string): number | null {
  const existing = findEmitCalls(ctx.j, fn ? ctx.j(fn) : ctx.root).find((emit) => emit.event !== null && emitAction(emit.event) === action);
  return existing ? lineOf(existing.path.node) : null;
}

/** The emit's subject at the mutation: the Authenticator (and request), else a workspace with the spec's actor. */
function subjectAt(statement: ASTPath, spec: InstrumentSpec): { subject: EmitSubject; binding: string } | string {
  const auth = findAuthInScope(statement);
  if (auth) return { subject: { kind: "auth", auth, req: findNextRequestInScope(statement) }, binding: auth };
  const workspace = findWorkspaceInScope(statement);
  if (!workspace) return "no auth or workspace in scope: neither an Authenticator (`auth`) nor a workspace is visible here";
  if (!spec.actor) return `no Authenticator in scope, only a workspace (\`${workspace}\`): a direct emit needs the spec's \`actor\` ({ type, id, name })`;
  return { subject: { kind: "direct", workspace, actor: spec.actor }, binding: workspace };
}

/** Why a mutation inside a callback is not instrumented, or null when its function is a handler of its own. */
function callbackProblem(fn: ASTPath | null, subjectBinding: string, statement: ASTPath): string | null {
  if (!fn) return null;
  const call = callbackCall(fn);
  if (!call) return null;
  const name = calleeName(call.node as unknown as Node) ?? "a call";
  if (ITERATING_CALLEES.has(name)) return `the mutation is inside a callback passed to ${name}() (line ${lineOf(call.node)}), which runs it per element; instrument it by hand`;
  // A route handler declares its own auth; a callback (a transaction, a retry wrapper) borrows its caller's.
  const binding = findBinding(statement, subjectBinding);
  if (binding && !isInside(binding.declarationPath, fn)) {
    return `the mutation is inside a callback passed to ${name}() (line ${lineOf(call.node)}) and \`${subjectBinding}\` comes from the function around it; instrument it by hand`;
  }
  return null;
}

/** Which spec expression reads a name that is not visible where the emit goes, as a reason; null when all are. */
function unboundName(ctx: StepContext, spec: InstrumentSpec, point: InsertionPoint, moduleLevel: Set<string>): string | null {
  const { path, declared } = scopeAt(point);
  const babel = require("@babel/parser") as typeof import("@babel/parser");
  const expressions: [string, string][] = [
    ...spec.targets.map((t, i): [string, string] => [`targets[${i}].resource`, t.resource]),
    ...Object.entries(spec.metadata).map(([key, text]): [string, string] => [`metadata.${key}`, text]),
  ];
  for (const [where, text] of expressions) {
    const expression = babel.parseExpression(text, { plugins: ["typescript"] });
    for (const name of new Set(referencedNames(expression))) {
      if (GLOBALS.has(name) || moduleLevel.has(name) || declared.includes(name) || findBinding(path, name)) continue;
      return `\`${name}\` (the spec's ${where}) is not in scope where the emit would go (${describePoint(point)})`;
    }
  }
  return null;
}

/** `after line 12`, `before line 14`, `at the start of the block at line 9`: where an emit would go, for messages. */
function describePoint(point: InsertionPoint): string {
  if (point.kind === "start") return `at the start of the block at line ${lineOf(point.block.node)}`;
  if (point.kind === "before") return `before line ${lineOf(point.anchor.node)}`;
  const end = (point.anchor.node as { loc?: { end: { line: number } } | null }).loc?.end.line;
  return `after line ${end ?? lineOf(point.anchor.node)}`;
}

/** Instruments one mutation call, or says why not. */
function instrumentSite(ctx: StepContext, spec: InstrumentSpec, site: Site, moduleLevel: Set<string>): true | Skip {
  const ms = findMutationStatement(site.call);
  if (isSkip(ms)) return ms;
  const loop = enclosingLoop(ms.statement);
  if (loop) return { skip: `the mutation is inside a loop (line ${lineOf(loop.node)}): one event per iteration would be a guess; instrument it by hand`, node: site.call.node };
  const subject = subjectAt(ms.statement, spec);
  if (typeof subject === "string") return { skip: subject, node: site.call.node };
  const callback = callbackProblem(site.fn, subject.binding, ms.statement);
  if (callback) return { skip: callback, node: site.call.node };
  const options = { mutationName: describeCallee(site.call.node as unknown as Node, spec.mutation), guardRequired: spec.guard === "required" };
  const point = spec.outcome === "failure" ? findFailurePoint(ms, options) : findSuccessPoint(ms, options);
  if (isSkip(point)) return point;
  const unbound = unboundName(ctx, spec, point, moduleLevel);
  if (unbound) return { skip: unbound, node: site.call.node };
  const { path } = scopeAt(point);
  const emit = buildEmit(ctx, { action: spec.action, subject: subject.subject, targets: spec.targets, metadata: spec.metadata, scope: path });
  insertStatement(ctx, point, emit);
  return true;
}

/** `space.delete` for the call as written (the pattern when the callee is not a plain chain of names). */
function describeCallee(call: Node, pattern: string): string {
  return dottedName(call.callee as Node) ?? pattern;
}

function mutationCalls(ctx: StepContext, pattern: MutationPattern): ASTPath[] {
  const calls: ASTPath[] = [];
  ctx.root.find(ctx.j.Node).forEach((path) => {
    if (matchesMutation(path.node as unknown as Node, pattern)) calls.push(path as unknown as ASTPath);
  });
  return calls;
}

export const instrument: TransformCore = {
  name: "instrument",
  description: "inserts an audit emit at each mutation's success (or failure) path, from a spec (DESIGN §3); every site it leaves alone is reported",
  mayMatch(source, options) {
    const pattern = typeof options.mutation === "string" ? parseMutationPattern(options.mutation) : null;
    // Without a readable spec the file is parsed, so `apply` can say what is wrong with it.
    return !pattern || typeof pattern === "string" || source.includes(mutationCalleeName(pattern));
  },
  needles(options) {
    const pattern = typeof options.mutation === "string" ? parseMutationPattern(options.mutation) : null;
    return !pattern || typeof pattern === "string" ? null : [mutationCalleeName(pattern)];
  },
  apply(ctx) {
    const spec = specFromOptions(ctx.options);
    if (spec.files && !matchesFiles(ctx.file, spec.files)) return false;
    const pattern = parseMutationPattern(spec.mutation) as MutationPattern;
    const calls = mutationCalls(ctx, pattern);
    if (calls.length === 0) return false;

    // Group by function: one mutation per function is instrumented; several are reported.
    const byFunction = new Map<unknown, Site[]>();
    for (const call of calls) {
      const fn = enclosingFunction(call);
      const key = fn ? fn.node : null;
      byFunction.set(key, [...(byFunction.get(key) ?? []), { call, fn }]);
    }
    const moduleLevel = moduleNames(ctx);
    // recast reprints the block around an inserted statement with spaces, whatever the file uses.
    const tabbed = indentUnit(ctx.source) === "\t";
    let changed = false;
    for (const sites of byFunction.values()) {
      const existing = existingEmitLine(ctx, sites[0].fn, spec.action);
      if (existing !== null) {
        for (const site of sites) ctx.report(site.call.node, `already instrumented: this function emits ${spec.action} (line ${existing})`, "info");
        continue;
      }
      if (sites.length > 1) {
        const lines = sites.map((s) => lineOf(s.call.node)).join(", ");
        for (const site of sites) {
          const callee = describeCallee(site.call.node as unknown as Node, spec.mutation);
          ctx.report(site.call.node, `not instrumented (${spec.action}): ${callee} is called ${sites.length} times in this function (lines ${lines}); which call the event audits would be a guess; instrument it by hand`);
        }
        continue;
      }
      if (tabbed) {
        ctx.report(sites[0].call.node, `not instrumented (${spec.action}): the file is indented with tabs, and the lines around an inserted emit would be re-indented with spaces; instrument it by hand`);
        continue;
      }
      const result = instrumentSite(ctx, spec, sites[0], moduleLevel);
      if (result === true) changed = true;
      else ctx.report(result.node, `not instrumented (${spec.action}): ${result.skip}`);
    }
    return changed;
  },
};
