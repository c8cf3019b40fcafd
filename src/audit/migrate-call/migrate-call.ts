import type { ASTPath, CallExpression, ObjectExpression } from "jscodeshift";
import { matchesFiles } from "../../config/spec";
import { migrateCallSpecFromOptions, PROP_METAVARIABLE, splitArgsReshape, type MigrateCallSpec } from "../../config/migrate-call-spec";
import { propertyKeyName, type Node } from "../ast";
import { member as propertyText } from "../build-emit";
import { importBinding, importedLocalNameFrom, ensureImport, removeImportIfUnused } from "../imports";
import { matchesMutation, mutationCalleeName, parseMutationPattern, referencedNames, type MutationPattern } from "../mutation";
import { instantiateTemplate, matchPattern, matchPatternList, parsePattern, renameVariables, type Captures } from "../pattern";
import { sourceRange } from "../positions";
import { printNode, withProperties, type ArraySlot } from "../snippets";
import { findBinding } from "../scope";
import type { StepContext, TransformCore } from "../types";

/*
 * `migrate-call`: rewrites the calls of one function from a spec. The object argument keeps its
 * layout: removed properties go, new ones take the place of the first removed one (else go
 * first), kept ones keep their text and comments. A call whose argument does not fit the spec's
 * patterns is reported and left alone; imports follow the calls (unused ones go, needed ones come).
 */

/** The patterns the callee is called by in this file: renamed imports followed, and only those from `import` when given. */
function calleePatterns(ctx: StepContext, spec: MigrateCallSpec): MutationPattern[] {
  const pattern = parseMutationPattern(spec.callee) as MutationPattern;
  if (pattern.kind === "any-object") return [pattern];
  const imported = pattern.kind === "function" ? pattern.name : pattern.object.split(".")[0];
  if (imported === "this") return [pattern];
  const locals: string[] = [];
  if (spec.import !== undefined) {
    const local = importedLocalNameFrom(ctx, spec.import, imported);
    if (local) locals.push(local);
  } else {
    const binding = importBinding(ctx, imported);
    // `import { other as fn }` makes `fn` another function; otherwise `fn` is it, imported or declared here.
    if (!binding || binding.imported === imported) locals.push(imported);
    const body = ctx.root.get("program", "body").value as Node[];
    for (const statement of body) {
      if (statement.type !== "ImportDeclaration") continue;
      for (const s of (statement.specifiers as Node[] | undefined) ?? []) {
        const local = (s.local as Node | null)?.name as string | undefined;
        if (local && local !== imported && importBinding(ctx, local)?.imported === imported) locals.push(local);
      }
    }
  }
  return locals.map((local) =>
    pattern.kind === "function" ? { kind: "function", name: local } : { kind: "method", object: [local, ...pattern.object.split(".").slice(1)].join("."), method: pattern.method },
  );
}

/** The name a pattern's call starts from (`fn`, `Obj` of `Obj.method`), which a local binding could shadow; null for `*.method` and `this`. */
function rootName(pattern: MutationPattern): string | null {
  if (pattern.kind === "function") return pattern.name;
  if (pattern.kind === "any-object") return null;
  const first = pattern.object.split(".")[0];
  return first === "this" ? null : first;
}

function calleeCalls(ctx: StepContext, patterns: MutationPattern[]): ASTPath<CallExpression>[] {
  if (patterns.length === 0) return [];
  const calls: ASTPath<CallExpression>[] = [];
  ctx.root.find(ctx.j.CallExpression).forEach((path) => {
    const pattern = patterns.find((p) => matchesMutation(path.node as unknown as Node, p));
    if (!pattern) return;
    // A parameter or variable of the same name in scope is another function.
    const root = rootName(pattern);
    if (root !== null && findBinding(path as unknown as ASTPath, root)) return;
    calls.push(path);
  });
  return calls;
}

/** The text of a node of the file (as written), or as recast prints it when the node is new. */
function textOf(ctx: StepContext, node: Node): string {
  const range = sourceRange(ctx.source, node);
  return range ? ctx.source.slice(range.start, range.end) : printNode(ctx, node);
}

interface CallEdit {
  /** Identifiers the edit took out of the file: imports of them may now be unused. */
  dropped: string[];
  /** The text the edit put in: imports the templates need are added when they appear in it. */
  added: string[];
}

type Outcome = CallEdit | { skip: string } | null;

// Own keys only: a property named `constructor` or `toString` is not in every record.
function has(record: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** The property values removed or replaced, as the names they read. */
function namesIn(nodes: Node[]): string[] {
  return nodes.flatMap((node) => referencedNames(node));
}

/** Applies the object edits of the spec to one call; null when the call is already migrated (or never was a candidate). */
function migrateObject(ctx: StepContext, spec: MigrateCallSpec, call: CallExpression): Outcome {
  const scopeKeys = [...Object.keys(spec.match), ...spec.remove, ...Object.keys(spec.rename)];
  const argument = (call.arguments as unknown as Node[]).find((a) => a.type === "ObjectExpression");
  if (!argument) return scopeKeys.length > 0 || Object.keys(spec.set).length > 0 ? { skip: "its argument is not an object literal" } : null;
  const object = argument as unknown as ObjectExpression;
  const keyed = object.properties.map((p) => propertyKeyName(p));
  if (scopeKeys.length > 0 && !scopeKeys.some((k) => keyed.includes(k))) return null;

  const captures: Captures = new Map();
  for (const [key, text] of Object.entries(spec.match)) {
    const index = keyed.indexOf(key);
    if (index < 0) return { skip: `\`${key}\` is missing (pattern ${text})` };
    const value = (object.properties[index] as unknown as Node).value as Node;
    const found = matchPattern(parsePattern(text) as Node, value);
    if (!found) return { skip: `\`${key}: ${textOf(ctx, value)}\` does not match the pattern ${text}` };
    for (const [name, captured] of found) captures.set(name, captured);
  }

  const slots: ArraySlot[] = [];
  const dropped: Node[] = [];
  const added: string[] = [];
  let firstRemoved = -1;
  for (let i = 0; i < object.properties.length; i++) {
    const key = keyed[i];
    const property = object.properties[i] as unknown as Node;
    if (key !== null && spec.remove.includes(key) && !has(spec.set, key)) {
      if (firstRemoved < 0) firstRemoved = slots.length;
      dropped.push(property.value as Node);
      continue;
    }
    if (key !== null && has(spec.set, key)) {
      const value = instantiate(ctx, spec.set[key], new Map([...captures, [PROP_METAVARIABLE, property.value as Node]]));
      if (typeof value !== "string") return { skip: value.skip };
      dropped.push(property.value as Node);
      added.push(value);
      slots.push({ kept: i, text: propertyText(ctx, key, value) });
      continue;
    }
    if (key !== null && has(spec.rename, key)) {
      const value = textOf(ctx, property.value as Node);
      slots.push({ kept: i, text: propertyText(ctx, spec.rename[key], value) });
      continue;
    }
    slots.push({ kept: i });
  }
  const fresh: ArraySlot[] = [];
  for (const [key, template] of Object.entries(spec.set)) {
    if (keyed.includes(key)) continue;
    if (template.includes(`$${PROP_METAVARIABLE}`)) return { skip: `\`$${PROP_METAVARIABLE}\` in set.${key}: the call has no \`${key}\`` };
    const value = instantiate(ctx, template, captures);
    if (typeof value !== "string") return { skip: value.skip };
    added.push(value);
    fresh.push({ text: propertyText(ctx, key, value) });
  }
  slots.splice(firstRemoved < 0 ? 0 : firstRemoved, 0, ...fresh);
  if (slots.length === object.properties.length && slots.every((s, i) => "kept" in s && !("text" in s) && s.kept === i)) return null;

  const next = withProperties(ctx, object, slots);
  if (!next) return { skip: "the object argument is laid out in a way the migration cannot keep (several properties on some lines, or comments between a value and its comma)" };
  const index = (call.arguments as unknown[]).indexOf(object);
  call.arguments[index] = next as unknown as CallExpression["arguments"][number];
  return { dropped: namesIn(dropped), added };
}

function instantiate(ctx: StepContext, template: string, captures: Captures): string | { skip: string } {
  const text = instantiateTemplate(template, captures, (node) => textOf(ctx, node));
  return typeof text === "string" ? text : { skip: `${text.missing} is not captured` };
}

/** Reshapes the positional arguments; null when the call already has another shape. */
function reshapeArguments(ctx: StepContext, spec: MigrateCallSpec, call: CallExpression): Outcome {
  const reshape = splitArgsReshape(spec.args as string);
  if (typeof reshape === "string") return { skip: reshape };
  const args = call.arguments as unknown as Node[];
  // Arguments already in the new shape are a migrated call; any other shape is reported.
  const reshaped = parsePattern(`__args${reshape.to}`) as Node;
  if (matchPatternList(reshaped.arguments as Node[], args)) return null;
  const captures = matchPatternList(reshape.from, args);
  if (!captures) {
    return { skip: `the arguments (${args.map((a) => textOf(ctx, a)).join(", ")}) do not match the pattern ${spec.args?.split(") ->")[0]})` };
  }
  const text = instantiate(ctx, `__args${reshape.to}`, captures);
  if (typeof text !== "string") return text;
  const parsed = ctx.j(`__args${text.slice("__args".length)};`).find(ctx.j.CallExpression).get().node as CallExpression;
  const dropped = namesIn(call.arguments as unknown as Node[]);
  call.arguments = parsed.arguments;
  return { dropped, added: [text.slice("__args".length)] };
}

/** Why the callee cannot be renamed at this call, or null. */
function renameProblem(ctx: StepContext, spec: MigrateCallSpec, call: CallExpression): string | null {
  const callee = call.callee as unknown as Node;
  if (spec["rename-callee"] === undefined || callee.type !== "Identifier" || importBinding(ctx, callee.name as string)) return null;
  // A function declared here (or a global) is renamed where it is declared, by a refactoring: not call by call.
  return `\`${callee.name as string}\` is not imported in this file, so \`${spec["rename-callee"]}\` cannot be imported in its place; rename it by hand`;
}

/** Gives the call its new callee name; the old name's import goes when unused, the new one comes from the same module. */
function renameCallee(ctx: StepContext, spec: MigrateCallSpec, call: CallExpression): CallEdit | null {
  const name = spec["rename-callee"] as string;
  const callee = call.callee as unknown as Node;
  if (callee.type === "Identifier") {
    const old = callee.name as string;
    const local = ensureImport(ctx, (importBinding(ctx, old) as { module: string }).module, name);
    if (local === old) return null;
    call.callee = ctx.j.identifier(local);
    return { dropped: [old], added: [] };
  }
  const property = callee.property as Node;
  if (property.name === name) return null;
  (callee as unknown as { property: unknown }).property = ctx.j.identifier(name);
  return { dropped: [], added: [] };
}

function calleeText(ctx: StepContext, call: CallExpression): string {
  return textOf(ctx, call.callee as unknown as Node);
}

/** The spec with its templates calling imported names as this file imports them (`trackEvent` imported as `track`). */
function withLocalNames(ctx: StepContext, spec: MigrateCallSpec): MigrateCallSpec {
  const renames = new Map<string, string>();
  for (const { from, names } of spec.imports) {
    for (const name of names) {
      const local = importedLocalNameFrom(ctx, from, name);
      if (local && local !== name) renames.set(name, local);
    }
  }
  if (renames.size === 0) return spec;
  const set = Object.fromEntries(Object.entries(spec.set).map(([key, template]) => [key, renameVariables(template, renames)]));
  const reshape = spec.args === undefined ? null : splitArgsReshape(spec.args);
  const args = reshape && typeof reshape !== "string" ? `${spec.args!.slice(0, spec.args!.indexOf(") ->") + 1)} -> ${renameVariables(`__args${reshape.to}`, renames).slice("__args".length)}` : spec.args;
  return { ...spec, set, args };
}

export const migrateCall: TransformCore = {
  name: "migrate-call",
  description: "rewrites the calls of one function from a spec: match patterns with $captures, remove/set/rename properties of the object argument, rename the callee, reshape positional arguments; calls that do not match are reported",
  mayMatch(source, options) {
    const pattern = typeof options.callee === "string" ? parseMutationPattern(options.callee) : null;
    return !pattern || typeof pattern === "string" || source.includes(mutationCalleeName(pattern));
  },
  apply(ctx) {
    const spec = withLocalNames(ctx, migrateCallSpecFromOptions(ctx.options));
    if (spec.files && !matchesFiles(ctx.file, spec.files)) return false;
    const calls = calleeCalls(ctx, calleePatterns(ctx, spec));
    if (calls.length === 0) return false;
    const dropped = new Set<string>();
    const added: string[] = [];
    let changed = false;
    for (const path of calls) {
      const call = path.node;
      const name = calleeText(ctx, call);
      const unrenamable = renameProblem(ctx, spec, call);
      const outcome = unrenamable !== null ? { skip: unrenamable } : spec.args !== undefined ? reshapeArguments(ctx, spec, call) : migrateObject(ctx, spec, call);
      if (outcome && "skip" in outcome) {
        ctx.report(call, `not migrated (${name}): ${outcome.skip}`);
        continue;
      }
      const renamed = spec["rename-callee"] !== undefined ? renameCallee(ctx, spec, call) : null;
      for (const edit of [outcome, renamed]) {
        if (!edit) continue;
        changed = true;
        edit.dropped.forEach((n) => dropped.add(n));
        added.push(...edit.added);
      }
    }
    if (!changed) return false;
    for (const { from, names } of spec.imports) {
      for (const name of names) if (added.some((text) => new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, "\\$")}(?![\\w$])`).test(text))) ensureImport(ctx, from, name);
    }
    for (const local of dropped) {
      const binding = importBinding(ctx, local);
      if (binding) removeImportIfUnused(ctx, binding.module, binding.imported);
    }
    return true;
  },
};
