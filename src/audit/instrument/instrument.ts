import type { StatementKind as Statement } from "ast-types/lib/gen/kinds";
import type { ASTPath } from "jscodeshift";
import { matchesFiles, specFromOptions, type InstrumentSpec } from "../../config/spec";
import { findCodePaths, type Node } from "../ast";
import { buildEmit, type EmitSubject } from "../build-emit";
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
  declaredNames,
  freeNames,
  isRouteRegistration,
  isSkip,
  relateStatements,
  returnsEarly,
  declaredLaterInBlock,
  moveAfterAssignments,
  moveAfterDeclarations,
  type MovedPoint,
  ITERATING_CALLEES,
  matchesMutation,
  mutationCalleeName,
  parseMutationPattern,
  patternNames,
  type InsertionPoint,
  type MutationPattern,
  type Skip,
} from "../mutation";
import { buildTemplateStatement, existingTemplateCallLine, localTemplateCallee, templateCallee } from "./template";
import { enclosingFunction, findAuthInScope, findAuthResultInScope, findBinding, findNextRequestInScope, findWorkspaceInScope } from "../scope";
import type { StepContext, TransformCore } from "../types";

/*
 * `instrument` (docs/specs.md): for each call matching the spec's mutation, one emit at its success
 * point (or failure point), or a report saying why the site is left alone. Nothing is guessed.
 */

/** Names every module can read without declaring them. */
const GLOBALS = new Set(["String", "Number", "Boolean", "JSON", "Math", "Date", "Object", "Array", "BigInt", "Symbol", "undefined", "NaN", "Infinity", "parseInt", "parseFloat", "encodeURIComponent", "process", "console", "globalThis"]);

/** Names a module declares at its top level (imports, functions, classes, variables, enums), visible in every function. */
function moduleNames(ctx: StepContext): Set<string> {
  const names = new Set<string>();
  const top = ctx.root.get().node as Node;
  const program = (top.type === "File" ? top.program : top) as { body: Node[] };
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
  const existing = findEmitCalls(ctx.j, fn ? ctx.j(fn) : ctx.root, ctx.conventions.module.emitFunctions).find((emit) => emit.event !== null && emitAction(emit.event) === action);
  return existing ? lineOf(existing.path.node) : null;
}

/** The emit's subject at the mutation: the Authenticator (and request), else a workspace with the spec's actor. */
function subjectAt(statement: ASTPath, spec: InstrumentSpec): { subject: EmitSubject; binding: string } | string {
  const auth = findAuthInScope(statement);
  if (auth) return { subject: { kind: "auth", auth, req: findNextRequestInScope(statement) }, binding: auth };
  const workspace = findWorkspaceInScope(statement);
  const result = findAuthResultInScope(statement);
  // A Result of `Authenticator.*` is no Authenticator: say which binding must be unwrapped rather than emit with it.
  if (!workspace && result) return `no Authenticator in scope: \`${result}\` holds the Result of an Authenticator call, not the Authenticator; unwrap it first (\`const auth = ${result}.value;\`) or instrument it by hand`;
  if (!workspace) return "no auth or workspace in scope: neither an Authenticator (`auth`) nor a workspace is visible here";
  if (!spec.actor) return `no Authenticator in scope, only a workspace (\`${workspace}\`): a direct emit needs the spec's \`actor\` ({ type, id, name })`;
  return { subject: { kind: "direct", workspace, actor: spec.actor }, binding: workspace };
}

/** The spec's expressions as `[where, source text]`, for messages. */
function specExpressions(spec: InstrumentSpec): [string, string][] {
  return [
    ...(spec.template !== undefined ? [["template", spec.template] as [string, string]] : []),
    ...spec.targets.map((t, i): [string, string] => [`targets[${i}].resource`, t.resource]),
    ...Object.entries(spec.metadata).map(([key, text]): [string, string] => [`metadata.${key}`, text]),
  ];
}

/** Each free name the spec's expressions read, with the first expression reading it. */
function specFreeNames(spec: InstrumentSpec): Map<string, string> {
  const babel = require("@babel/parser") as typeof import("@babel/parser");
  const names = new Map<string, string>();
  for (const [where, text] of specExpressions(spec)) {
    for (const name of freeNames(babel.parseExpression(text, { plugins: ["typescript"] }))) if (!names.has(name)) names.set(name, where);
  }
  return names;
}

/** The spec's free names (with the expression reading each) that are not visible at `point`. */
function unboundNames(spec: InstrumentSpec, point: InsertionPoint, moduleLevel: Set<string>): [string, string][] {
  const { path, declared } = scopeAt(point);
  // A template's imported names are in scope once the step adds its import.
  const imported = spec.import?.names ?? [];
  return [...specFreeNames(spec)].filter(([name]) => !GLOBALS.has(name) && !moduleLevel.has(name) && !declared.includes(name) && !findBinding(path, name) && !imported.includes(name));
}

/** The line declaring `name` in `fn` (a variable, function or class), else null. */
function declarationLine(ctx: StepContext, fn: ASTPath | null, name: string): number | null {
  let line: number | null = null;
  (fn ? ctx.j(fn) : ctx.root).find(ctx.j.Node).forEach((path) => {
    const node = path.node as unknown as Node;
    const names = node.type === "VariableDeclarator" ? patternNames(node.id as Node) : declaredNames(node);
    if (line === null && names.includes(name)) line = lineOf(node);
  });
  return line;
}

/** Why the emit cannot go at `point` for want of `name`, naming where `name` is declared when it is. */
function unboundReason(ctx: StepContext, spec: InstrumentSpec, fn: ASTPath | null, point: InsertionPoint, moved: MovedPoint, [name, where]: [string, string]): string {
  const line = declarationLine(ctx, fn, name);
  const subject = `\`${name}\` (the spec's ${where})`;
  if (line === null) return `${subject} is not in scope where the ${spec.template !== undefined ? "call" : "emit"} would go (${describePoint(point)})`;
  if (moved.stoppedAt && line > lineOf(moved.stoppedAt)) return `${subject} is declared at line ${line}, after line ${lineOf(moved.stoppedAt)}, which may return or answer the request and which the emit must come before; instrument it by hand`;
  return `${subject} is declared at line ${line}, out of scope where the emit would go (${describePoint(moved.point)}); instrument it by hand`;
}

/** The point moved past the declarations the emit needs, or why there is none. */
function pointWithNames(ctx: StepContext, spec: InstrumentSpec, fn: ASTPath | null, point: InsertionPoint, moduleLevel: Set<string>): InsertionPoint | string {
  const names = specFreeNames(spec);
  // Every name, not only the unbound ones: a later `const reason` in the block shadows an outer `reason` from the block's start.
  const moved = moveAfterDeclarations(point, [...names.keys()], ctx.conventions.neverReturns);
  if (moved.checkedAt) {
    return `\`${moved.checkedAt.name}\` (the spec's ${names.get(moved.checkedAt.name)}) is checked at line ${lineOf(moved.checkedAt.statement)}, which may return, and the emit must come before any return; instrument it by hand`;
  }
  const still = unboundNames(spec, moved.point, moduleLevel);
  if (still.length > 0) return unboundReason(ctx, spec, fn, point, moved, still[0]);
  const shadowed = declaredLaterInBlock(moved.point, [...names.keys()]);
  if (shadowed) {
    return `\`${shadowed.name}\` (the spec's ${names.get(shadowed.name)}) is declared again at line ${lineOf(shadowed.statement)}, later in the block where the emit would go (${describePoint(moved.point)}), so the emit would read it before its declaration; instrument it by hand`;
  }
  return pointPastAssignments(ctx, spec, moved.point);
}

/** The point moved past later assignments of the names the emit reads, or why that is a guess. */
function pointPastAssignments(ctx: StepContext, spec: InstrumentSpec, point: InsertionPoint): InsertionPoint | string {
  const names = specFreeNames(spec);
  const { point: moved, nested } = moveAfterAssignments(point, [...names.keys()], ctx.conventions.neverReturns);
  if (!nested) return moved;
  return `\`${nested.name}\` (the spec's ${names.get(nested.name)}) is assigned again at line ${lineOf(nested.statement)}, inside a statement after the point the emit would go (${describePoint(point)}), and which value the event carries would be a guess; instrument it by hand`;
}

/** The call `fn` is passed to as a callback, with its callee's name, or null. */
function callbackOf(fn: ASTPath | null): { call: ASTPath; name: string; iterating: boolean } | null {
  const call = fn ? callbackCall(fn) : null;
  if (!call) return null;
  const name = calleeName(call.node as unknown as Node) ?? "a call";
  return { call, name, iterating: ITERATING_CALLEES.has(name) };
}

/** Skips `await` and parentheses upwards. */
function parentThroughAwait(path: ASTPath): ASTPath | null {
  let p = path.parent as ASTPath | null;
  while (p && ((p.node as Node).type === "AwaitExpression" || (p.node as Node).type === "ParenthesizedExpression")) p = p.parent as ASTPath | null;
  return p;
}

/** True when a spec expression reads a name the callback binds itself (its element), so each call is an event of its own. */
function namesElement(spec: InstrumentSpec, fn: ASTPath): boolean {
  const body = fn.get("body") as ASTPath;
  const statements = (body.node as unknown as Node).body as Node[] | undefined;
  const inside = Array.isArray(statements) && statements.length > 0 ? (body.get("body", statements.length - 1) as ASTPath) : body;
  return [...specFreeNames(spec).keys()].some((name) => {
    const binding = findBinding(inside, name);
    return binding !== null && isInside(binding.declarationPath, fn);
  });
}

/** Instruments one mutation call, or says why not. */
function instrumentSite(ctx: StepContext, spec: InstrumentSpec, site: Site, moduleLevel: Set<string>): true | Skip {
  const callback = callbackOf(site.fn);
  // An awaited wrapper (`await withTransaction(async (t) => ...)`): the emit may go after it when the callback cannot hold it.
  const awaited = callback !== null && !callback.iterating && ((callback.call.parent as ASTPath).node as Node).type === "AwaitExpression";
  const wrapper = awaited ? { call: callback.call, fn: enclosingFunction(callback.call) } : null;
  const ms = findMutationStatement(site.call);
  if (isSkip(ms)) {
    // `withLock(() => space.delete(auth))`, `return SpaceResource.makeNew(...)`: the wrapper's result is the mutation's.
    const holder = parentThroughAwait(site.call);
    const resultIsCallbacks = holder !== null && (holder.node === site.fn?.node || (holder.node as Node).type === "ReturnStatement");
    if (!wrapper || !resultIsCallbacks) return ms;
    return instrumentAfterWrapper(ctx, spec, site, wrapper, `the callback passed to ${callback!.name}() returns the result of the mutation`, moduleLevel);
  }
  const loop = enclosingLoop(ms.statement);
  if (loop) return { skip: `the mutation is inside a loop (line ${lineOf(loop.node)}): one event per iteration would be a guess; instrument it by hand`, node: site.call.node };
  // A template's call needs no Authenticator: only its own names must be in scope.
  const subject = spec.template !== undefined ? null : subjectAt(ms.statement, spec);
  if (typeof subject === "string") return { skip: subject, node: site.call.node };
  if (callback?.iterating && site.fn && !namesElement(spec, site.fn)) {
    return { skip: `the mutation is inside a callback passed to ${callback.name}() (line ${lineOf(callback.call.node)}), which runs it per element, and the spec's targets and metadata name nothing of the element; instrument it by hand`, node: site.call.node };
  }
  const options = { mutationName: describeCallee(site.call.node as unknown as Node, spec.mutation), guardRequired: spec.guard === "required", neverReturns: ctx.conventions.neverReturns };
  const found = spec.outcome === "failure" ? findFailurePoint(ms, options) : findSuccessPoint(ms, options);
  if (isSkip(found)) return found;
  const point = pointWithNames(ctx, spec, site.fn, found, moduleLevel);
  if (typeof point !== "string") {
    const { path } = scopeAt(point);
    const statement =
      subject === null
        ? buildTemplateStatement(ctx, spec.template as string, spec.import)
        : buildEmit(ctx, { action: spec.action as string, subject: subject.subject, targets: spec.targets, metadata: spec.metadata, scope: path });
    insertStatement(ctx, point, statement);
    return true;
  }
  // Names that exist only outside the callback: the emit goes after the awaited wrapper, unless the callback may fail quietly.
  const onlyOutside = wrapper && site.fn && spec.outcome !== "failure" && unboundNames(spec, found, moduleLevel).every(([name]) => declarationLine(ctx, site.fn, name) === null);
  if (!onlyOutside) return { skip: point, node: site.call.node };
  return instrumentAfterWrapper(ctx, spec, site, wrapper!, point, moduleLevel);
}

/** The emit after the awaited wrapper instead (for `why`), unless the callback may return early while the wrapper's result goes unchecked. */
function instrumentAfterWrapper(ctx: StepContext, spec: InstrumentSpec, site: Site, wrapper: Site, why: string, moduleLevel: Set<string>): true | Skip {
  const wrapperName = calleeName(wrapper.call.node as unknown as Node) ?? "the wrapper";
  const options = { mutationName: wrapperName, neverReturns: ctx.conventions.neverReturns };
  if (returnsEarly(site.fn!.node as unknown as Node) && !wrapperResultChecked(wrapper.call, options)) {
    return { skip: `${why}; after the ${wrapperName}() call (line ${lineOf(wrapper.call.node)}) the emit would be a guess, since the callback may return early and that call's result is not checked; instrument it by hand`, node: site.call.node };
  }
  return instrumentSite(ctx, spec, wrapper, moduleLevel);
}

/** True when the wrapper's result is kept and guarded, so the success point after it is after the callback's failures too. */
function wrapperResultChecked(call: ASTPath, options: { mutationName: string; neverReturns: readonly string[] }): boolean {
  const outer = findMutationStatement(call);
  if (isSkip(outer)) return false;
  const point = findSuccessPoint(outer, options);
  return !isSkip(point) && !(point.kind === "after" && point.anchor === outer.statement);
}

/** `after line 12`, `before line 14`, `at the start of the block at line 9`: where an emit would go, for messages. */
function describePoint(point: InsertionPoint): string {
  if (point.kind === "start") return `at the start of the block at line ${lineOf(point.block.node)}`;
  if (point.kind === "before") return `before line ${lineOf(point.anchor.node)}`;
  const end = (point.anchor.node as { loc?: { end: { line: number } } | null }).loc?.end.line;
  return `after line ${end ?? lineOf(point.anchor.node)}`;
}

/** The function whose emits count for a site: callbacks (transactions, locks, `map`) belong to the function around them. */
function homeFunction(fn: ASTPath | null): ASTPath | null {
  let home = fn;
  while (home && callbackCall(home) && enclosingFunction(home)) home = enclosingFunction(home);
  return home;
}

/**
 * Of several matching calls in one function: each on its own branch gets its own emit, calls in
 * sequence in one block get one (after the last), and any other arrangement is reported as a guess.
 */
function sitesToInstrument(ctx: StepContext, spec: InstrumentSpec, label: string, sites: Site[]): Site[] {
  if (sites.length === 1) return sites;
  const statements = sites.map((site) => findMutationStatement(site.call));
  const neverReturns = ctx.conventions.neverReturns;
  const lines = sites.map((s) => lineOf(s.call.node)).join(", ");
  const covered = new Set<number>();
  for (let a = 0; a < sites.length; a++) {
    for (let b = a + 1; b < sites.length; b++) {
      const msA = statements[a];
      const msB = statements[b];
      // A call that is no statement of its own is reported on its own; it cannot be placed anyway.
      if (isSkip(msA) || isSkip(msB)) continue;
      const relation = relateStatements(msA.statement, msB.statement, neverReturns);
      if (relation === "sequence") covered.add(a);
      if (relation === "ambiguous") {
        for (const site of sites) {
          const callee = describeCallee(site.call.node as unknown as Node, spec.mutation);
          ctx.report(site.call.node, `not instrumented (${label}): ${callee} is called ${sites.length} times in this function (lines ${lines}), and the calls at lines ${lineOf(sites[a].call.node)} and ${lineOf(sites[b].call.node)} are neither on separate branches nor in sequence in one block; which call the event audits would be a guess; instrument it by hand`);
        }
        return [];
      }
    }
  }
  return sites.filter((site, i) => {
    if (!covered.has(i)) return true;
    ctx.report(site.call.node, `one emit covers this call: it is followed in the same block by another call of the mutation, after which the emit goes`, "info");
    return false;
  });
}

/** `space.delete` for the call as written (the pattern when the callee is not a plain chain of names). */
function describeCallee(call: Node, pattern: string): string {
  return dottedName(call.callee as Node) ?? pattern;
}

function mutationCalls(ctx: StepContext, pattern: MutationPattern): ASTPath[] {
  // A route registration (`app.delete("/:id", async (c) => ...)`) is no mutation: not a site, not reported; its handler is searched like any function.
  return ctx.root.paths().flatMap((root) => findCodePaths(root as ASTPath, (node) => matchesMutation(node, pattern) && !isRouteRegistration(node)));
}

export const instrument: TransformCore = {
  name: "instrument",
  description: "inserts an audit emit (or any call, from a `template`) at each mutation's success (or failure) path, from a spec (docs/specs.md); every site it leaves alone is reported",
  mayMatch(source, options) {
    const pattern = typeof options.mutation === "string" ? parseMutationPattern(options.mutation) : null;
    // Without a readable spec the file is parsed, so `apply` can say what is wrong with it.
    return !pattern || typeof pattern === "string" || source.includes(mutationCalleeName(pattern));
  },
  needles(options) {
    const pattern = typeof options.mutation === "string" ? parseMutationPattern(options.mutation) : null;
    return !pattern || typeof pattern === "string" ? null : [mutationCalleeName(pattern)];
  },
  // The emit it writes uses the audit module's own emit functions and target builders.
  needsConventions: true,
  // A file naming the mutation is usually instrumented.
  precisePrefilter: true,
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
      // Calls in a callback and around it are several calls of one function: they are related, not instrumented apart.
      const home = homeFunction(fn);
      const key = home ? home.node : null;
      byFunction.set(key, [...(byFunction.get(key) ?? []), { call, fn }]);
    }
    const moduleLevel = moduleNames(ctx);
    // What is placed: the audit emit of an action, or a template's call (named by its callee in reports).
    const callee = spec.template !== undefined ? localTemplateCallee(ctx, spec.template, spec.import) : null;
    const label = spec.action ?? templateCallee(spec.template as string) ?? (spec.template as string);
    let changed = false;
    for (const sites of byFunction.values()) {
      const home = homeFunction(sites[0].fn);
      const existing = callee !== null ? existingTemplateCallLine(ctx, home, sites[0].call, callee) : existingEmitLine(ctx, home, label);
      if (existing !== null) {
        const already = callee !== null ? `calls ${callee} after the mutation` : `emits ${label}`;
        for (const site of sites) ctx.report(site.call.node, `already instrumented: this function ${already} (line ${existing})`, "info");
        continue;
      }
      for (const site of sitesToInstrument(ctx, spec, label, sites)) {
        const result = instrumentSite(ctx, spec, site, moduleLevel);
        if (result === true) {
          changed = true;
          // Only an audit emit counts towards registering its action; a template registers nothing.
          if (callee === null) ctx.emitInserted?.();
        } else ctx.report(result.node, `not instrumented (${label}): ${result.skip}`);
      }
    }
    return changed;
  },
};
