import type { ASTPath, CallExpression, Collection, JSCodeshift, ObjectExpression } from "jscodeshift";
import type { Node } from "./ast";
import { findCodePaths, propertyNamed } from "./ast";
import { DEFAULT_MODULE_FACTS, type EmitFunctionFact } from "./types";

/**
 * The emit functions a file is read with: the audit module's (`conventions.module.emitFunctions`,
 * learned or configured); by default its two standard helpers, an `auth` one and a direct one.
 */
export type EmitFunctions = readonly EmitFunctionFact[];
export type EmitKind = EmitFunctionFact["kind"];

export const STANDARD_EMIT_FUNCTIONS: EmitFunctions = DEFAULT_MODULE_FACTS.emitFunctions;

/** The names a file holding an emit must contain: a call, a namespace member or a renamed import all spell the function's name. */
export function emitNames(functions: EmitFunctions = STANDARD_EMIT_FUNCTIONS): string[] {
  return functions.map((f) => f.name);
}

const STANDARD_EMIT_NAMES = emitNames();

/** The emit function an inserted emit of `kind` calls: the module's first of that kind (its own before the standard helpers). */
export function emitFunctionFor(functions: EmitFunctions, kind: EmitKind): string {
  return (functions.find((f) => f.kind === kind) ?? STANDARD_EMIT_FUNCTIONS.find((f) => f.kind === kind)!).name;
}

/** Cheap text test: a file that cannot hold an emit never needs parsing. */
export function mayContainEmit(source: string, names: readonly string[] = STANDARD_EMIT_NAMES): boolean {
  return names.some((name) => source.includes(name));
}

export interface EmitCall {
  path: ASTPath<CallExpression>;
  /** The emit function's own name (the imported one, for a renamed import). */
  callee: string;
  kind: EmitKind;
  /** The single object argument, or null when the call passes something else. */
  event: ObjectExpression | null;
}

type EmitLookup = ReadonlyMap<string, EmitFunctionFact>;

const lookups = new WeakMap<EmitFunctions, EmitLookup>();

function lookupOf(functions: EmitFunctions): EmitLookup {
  let lookup = lookups.get(functions);
  if (!lookup) {
    lookup = new Map(functions.map((f) => [f.name, f]));
    lookups.set(functions, lookup);
  }
  return lookup;
}

const NO_ALIASES: EmitLookup = new Map();

/** Local names a file imports the emit functions under (`import { emitAuditLogEvent as emitAudit }`), from any path in it. */
export function emitAliases(anyPath: ASTPath, functions: EmitFunctions = STANDARD_EMIT_FUNCTIONS): EmitLookup {
  const emits = lookupOf(functions);
  let top: ASTPath = anyPath;
  while (top.parent) top = top.parent as ASTPath;
  const node = top.node as unknown as Node;
  const program = (node.type === "File" ? node.program : node) as Node;
  const aliases = new Map<string, EmitFunctionFact>();
  for (const statement of (program.body as Node[] | undefined) ?? []) {
    if (statement.type !== "ImportDeclaration" || statement.importKind === "type") continue;
    for (const specifier of (statement.specifiers as Node[] | undefined) ?? []) {
      if (specifier.type !== "ImportSpecifier" || specifier.importKind === "type") continue;
      const imported = specifier.imported as Node;
      const importedName = (imported.type === "Identifier" ? imported.name : imported.value) as string;
      // ast-types' importSpecifier builder leaves `local` null when it equals the imported name.
      const local = ((specifier.local as Node | null)?.name as string | undefined) ?? importedName;
      const fact = emits.get(importedName);
      if (local !== importedName && fact) aliases.set(local, fact);
    }
  }
  return aliases.size > 0 ? aliases : NO_ALIASES;
}

/** The emit function a call invokes (`emitAuditLogEvent(...)`, `audit.emitAuditLogEvent(...)`, or a renamed import), else null. */
function emitFunctionOf(call: CallExpression, emits: EmitLookup, aliases: EmitLookup): EmitFunctionFact | null {
  const callee = call.callee as Node;
  let name: string | null = null;
  if (callee.type === "Identifier") name = callee.name as string;
  else if (callee.type === "MemberExpression" && !callee.computed && (callee.property as Node).type === "Identifier") {
    name = (callee.property as Node).name as string;
  }
  if (name === null) return null;
  const fact = emits.get(name);
  if (fact) return fact;
  return callee.type === "Identifier" ? (aliases.get(name) ?? null) : null;
}

/** Name of the emit function a call invokes, else null. */
export function emitCalleeName(call: CallExpression, aliases: EmitLookup = NO_ALIASES, functions: EmitFunctions = STANDARD_EMIT_FUNCTIONS): string | null {
  return emitFunctionOf(call, lookupOf(functions), aliases)?.name ?? null;
}

/** Every call of one of `functions` in the file, in source order. */
export function findEmitCalls(_j: JSCodeshift, root: Collection, functions: EmitFunctions = STANDARD_EMIT_FUNCTIONS): EmitCall[] {
  const calls: EmitCall[] = [];
  const emits = lookupOf(functions);
  for (const rootPath of root.paths()) {
    const aliases = emitAliases(rootPath, functions);
    const isEmitCall = (node: Node) => (node.type === "CallExpression" || node.type === "OptionalCallExpression") && emitFunctionOf(node as unknown as CallExpression, emits, aliases) !== null;
    for (const found of findCodePaths(rootPath as ASTPath, isEmitCall)) {
      const path = found as ASTPath<CallExpression>;
      const fact = emitFunctionOf(path.node, emits, aliases)!;
      const [arg] = path.node.arguments;
      calls.push({
        path,
        callee: fact.name,
        kind: fact.kind,
        event: path.node.arguments.length === 1 && arg.type === "ObjectExpression" ? (arg as ObjectExpression) : null,
      });
    }
  }
  return calls;
}

/** The `action` of an emit when it is a string literal, else null (a dynamic action). */
export function emitAction(event: ObjectExpression | null): string | null {
  const value = event ? propertyNamed(event, "action")?.value : undefined;
  if (!value) return null;
  let node = value as Node;
  // `"space.archived" as AuditAction` (a cast that gets past tsc) is still a literal action.
  while (node.type === "TSAsExpression" || node.type === "TSSatisfiesExpression" || node.type === "ParenthesizedExpression" || node.type === "TSNonNullExpression") {
    node = node.expression as Node;
  }
  if (node.type === "StringLiteral" || (node.type === "Literal" && typeof node.value === "string")) return node.value as string;
  if (node.type === "TemplateLiteral" && (node.expressions as unknown[]).length === 0) {
    return ((node.quasis as Node[])[0].value as { cooked: string }).cooked;
  }
  return null;
}

/** How the result of an emit call is used: AUDIT1 allows only a `void` (or bare) statement. */
export type EmitUsage =
  | { kind: "voided" }
  | { kind: "statement" }
  | { kind: "awaited-statement"; awaitPath: ASTPath }
  | { kind: "awaited-expression" }
  | { kind: "returned" }
  | { kind: "assigned" }
  | { kind: "concurrent"; via: string }
  | { kind: "chained"; via: string }
  | { kind: "other" };

const CONCURRENT_CALLEES = new Set(["Promise.all", "Promise.allSettled", "Promise.race", "Promise.any", "concurrentExecutor"]);

function calleeText(node: Node): string | null {
  if (node.type === "Identifier") return node.name as string;
  if (node.type === "MemberExpression" && !node.computed) {
    const object = calleeText(node.object as Node);
    const property = node.property as Node;
    return object && property.type === "Identifier" ? `${object}.${property.name as string}` : null;
  }
  return null;
}

/** Classifies the use of an emit call by walking up through parentheses, `await` and arrays. */
export function classifyEmitUsage(path: ASTPath<CallExpression>): EmitUsage {
  let child: ASTPath = path as ASTPath;
  let parent: ASTPath | null = child.parent as ASTPath | null;
  let awaitPath: ASTPath | null = null;
  while (parent) {
    const node = parent.node as Node;
    switch (node.type) {
      case "ParenthesizedExpression":
      case "TSAsExpression":
      case "TSNonNullExpression":
        break;
      case "AwaitExpression":
        if (awaitPath) return { kind: "awaited-expression" };
        awaitPath = parent;
        break;
      case "UnaryExpression":
        if (node.operator !== "void") return { kind: "other" };
        return awaitPath ? { kind: "awaited-expression" } : { kind: "voided" };
      case "ExpressionStatement":
        return awaitPath ? { kind: "awaited-statement", awaitPath } : { kind: "statement" };
      case "ReturnStatement":
        return { kind: "returned" };
      case "ArrowFunctionExpression":
        return child.node === node.body ? { kind: "returned" } : { kind: "other" };
      case "VariableDeclarator":
      case "AssignmentExpression":
      case "AssignmentPattern":
        return { kind: "assigned" };
      case "MemberExpression":
      case "OptionalMemberExpression": {
        const property = node.property as Node;
        const via = property.type === "Identifier" ? `.${property.name as string}()` : "a member access";
        return child.node === node.object ? { kind: "chained", via } : { kind: "other" };
      }
      case "ArrayExpression":
        break;
      case "CallExpression":
      case "OptionalCallExpression": {
        const via = calleeText(node.callee as Node);
        if (via && CONCURRENT_CALLEES.has(via) && child.node !== node.callee) return { kind: "concurrent", via };
        return { kind: "other" };
      }
      default:
        return awaitPath ? { kind: "awaited-expression" } : { kind: "other" };
    }
    child = parent;
    parent = child.parent as ASTPath | null;
  }
  return { kind: "other" };
}

/** End of the argument (or parameter) list whose `(` is at `open`, or -1 when the text is too tricky to scan (templates, regexes). */
export function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '"' || c === "'") {
      const end = source.indexOf(c, i + 1);
      if (end < 0 || source.slice(i + 1, end).includes("\\") || source.slice(i + 1, end).includes("\n")) return -1;
      i = end;
    } else if (c === "/") {
      const next = source[i + 1];
      if (next === "/") {
        const end = source.indexOf("\n", i);
        if (end < 0) return -1;
        i = end;
      } else if (next === "*") {
        const end = source.indexOf("*/", i + 2);
        if (end < 0) return -1;
        i = end + 1;
      } else {
        return -1; // a division or a regex literal: not worth telling apart here
      }
    } else if (c === "`") {
      return -1;
    } else if (c === "(") {
      depth++;
    } else if (c === ")") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const patterns = new Map<string, { renamed: RegExp; name: RegExp }>();

/** `name as` (a renamed import) and `name` as a whole word, for any of `names`; longest first so a name never stops inside a longer one. */
function unvoidedPatterns(names: readonly string[]): { renamed: RegExp; name: RegExp } {
  const key = names.join("\0");
  let found = patterns.get(key);
  if (!found) {
    const alternatives = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[$]/g, "\\$&")).join("|");
    found = { renamed: new RegExp(`(?<![\\w$])(?:${alternatives})\\s+as\\s`), name: new RegExp(`(?<![\\w$])(?:${alternatives})(?![\\w$])`, "g") };
    patterns.set(key, found);
  }
  return found;
}

const VOID_BEFORE = /\bvoid\s+(?:[A-Za-z_$][\w$]*\s*\.\s*)?$/;

/**
 * AUDIT1's text prefilter: false only when every emit call in the text is a plain `void emit(...)`
 * statement (not chained), so `await-to-void` can neither change nor report anything. Conservative:
 * anything it cannot read surely (templates, regexes, generics) counts as a possible match.
 */
export function mayHaveUnvoidedEmit(source: string, names: readonly string[] = STANDARD_EMIT_NAMES): boolean {
  const { renamed, name } = unvoidedPatterns(names);
  if (renamed.test(source)) return true; // calls under another name are not in the text
  name.lastIndex = 0;
  for (let m = name.exec(source); m; m = name.exec(source)) {
    let after = m.index + m[0].length;
    while (after < source.length && /\s/.test(source[after])) after++;
    if (source[after] !== "(") {
      if (source[after] === "<") return true; // a call with type arguments
      continue; // an import, a type, a declaration name
    }
    const before = source.slice(Math.max(0, m.index - 80), m.index);
    if (/\bfunction\s*\*?\s*$/.test(before)) continue; // the helper's own declaration
    if (!VOID_BEFORE.test(before)) return true;
    const close = closingParen(source, after);
    if (close < 0) return true;
    let next = close + 1;
    while (next < source.length && /\s/.test(source[next])) next++;
    if (source[next] === "." || source[next] === "?" || source[next] === "[" || source[next] === "(") return true;
  }
  return false;
}
