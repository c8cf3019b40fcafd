import type { Node } from "./ast";

/*
 * Code patterns with metavariables, for `migrate-call`'s `match` and `args`: a pattern is a
 * TypeScript expression in which `$name` stands for any one expression and `$$$name` for the rest
 * of a list (arguments, array elements). A pattern matches a node when both have the same
 * structure; formatting, parentheses and comments do not count. The same `$name` twice must
 * capture equal expressions. Works on plain @babel/parser and recast trees alike.
 */

/** What a match captured: `$name` -> one node, `$$$name` -> the nodes it stood for. */
export type Captures = Map<string, Node | Node[]>;

const METAVARIABLE = /^\$([A-Za-z_][\w]*)$/;
const REST_METAVARIABLE = /^\$\$\$([A-Za-z_][\w]*)$/;

// Keys that are positions, comments, parser details or recast's bookkeeping, never code.
const IGNORED_KEYS = new Set(["type", "loc", "start", "end", "range", "extra", "comments", "leadingComments", "trailingComments", "innerComments", "tokens", "original", "raw", "errors"]);

/** The capture name of a `$name` node, else null. */
export function metavariableName(node: Node | null | undefined): string | null {
  if (!node || node.type !== "Identifier") return null;
  return METAVARIABLE.exec(node.name as string)?.[1] ?? null;
}

/** The capture name of a `$$$name` node, else null. */
export function restMetavariableName(node: Node | null | undefined): string | null {
  if (!node || node.type !== "Identifier") return null;
  return REST_METAVARIABLE.exec(node.name as string)?.[1] ?? null;
}

/** Parses a pattern (a TypeScript expression); a string says why it is not one. */
export function parsePattern(text: string): Node | string {
  if (text.trim() === "") return "expected a pattern (a TypeScript expression), got an empty string";
  const babel = require("@babel/parser") as typeof import("@babel/parser");
  try {
    return babel.parseExpression(text, { plugins: ["typescript"] }) as unknown as Node;
  } catch (error) {
    return `"${text}" is not an expression: ${String((error as Error).message).replace(/\s*\(\d+:\d+\)$/, "")}`;
  }
}

function unwrapParentheses(node: Node): Node {
  let n = node;
  while (n.type === "ParenthesizedExpression") n = n.expression as Node;
  return n;
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as Node).type === "string";
}

// `optional: false`, `null` and an absent key say the same thing (builders and parsers differ there).
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === false;
}

/** `captures` null: a literal comparison, where `$x` is an identifier like any other. */
function matchValue(pattern: unknown, value: unknown, captures: Captures | null): boolean {
  if (isAbsent(pattern) && isAbsent(value)) return true;
  if (Array.isArray(pattern)) return Array.isArray(value) && matchList(pattern, value, captures);
  if (isNode(pattern)) return isNode(value) && matchNode(pattern, value, captures);
  if (typeof pattern === "object" && pattern !== null) {
    if (typeof value !== "object" || value === null) return false;
    return matchKeys(pattern as Record<string, unknown>, value as Record<string, unknown>, captures);
  }
  return pattern === value;
}

function matchKeys(pattern: Record<string, unknown>, value: Record<string, unknown>, captures: Captures | null): boolean {
  const keys = new Set([...Object.keys(pattern), ...Object.keys(value)]);
  for (const key of keys) {
    if (IGNORED_KEYS.has(key)) continue;
    if (!matchValue(pattern[key], value[key], captures)) return false;
  }
  return true;
}

function matchList(patterns: unknown[], values: unknown[], captures: Captures | null): boolean {
  for (let i = 0; i < patterns.length; i++) {
    const pattern = patterns[i];
    const rest = captures && isNode(pattern) ? restMetavariableName(pattern) : null;
    if (rest !== null) {
      if (i !== patterns.length - 1) return false;
      return bind(captures as Captures, rest, values.slice(i) as Node[]);
    }
    if (i >= values.length || !matchValue(pattern, values[i], captures)) return false;
  }
  return patterns.length === values.length;
}

function bind(captures: Captures, name: string, value: Node | Node[]): boolean {
  const previous = captures.get(name);
  if (previous === undefined) {
    captures.set(name, value);
    return true;
  }
  // A second `$x` must be the same code as the first: compared literally, as code of the file.
  return matchValue(previous, value, null);
}

function matchNode(pattern: Node, node: Node, captures: Captures | null): boolean {
  const p = unwrapParentheses(pattern);
  const n = unwrapParentheses(node);
  const name = captures ? metavariableName(p) : null;
  if (captures && name !== null) return bind(captures, name, n);
  if (p.type !== n.type) return false;
  return matchKeys(p, n, captures);
}

/** Matches a pattern against a node: the captures, or null when it does not match. */
export function matchPattern(pattern: Node, node: Node): Captures | null {
  const captures: Captures = new Map();
  return matchNode(pattern, node, captures) ? captures : null;
}

/** Matches a list of patterns (e.g. an argument list, where `$$$rest` may end it) against nodes. */
export function matchPatternList(patterns: Node[], nodes: Node[]): Captures | null {
  const captures: Captures = new Map();
  return matchList(patterns, nodes, captures) ? captures : null;
}

/** The `$name` and `$$$name` metavariables a pattern or template uses, in order of appearance. */
export function metavariablesOf(node: Node): string[] {
  const names: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!isNode(value)) return;
    const name = metavariableName(value) ?? restMetavariableName(value);
    if (name !== null && !names.includes(name)) names.push(name);
    for (const key of Object.keys(value)) if (!IGNORED_KEYS.has(key)) walk(value[key]);
  };
  walk(node);
  return names;
}

// ---------------------------------------------------------------------------------------------
// Templates: source text with `$name` / `$$$name` replaced by captured code.

/** Where a metavariable sits in a template's text, and whether it may need parentheses there. */
interface Hole {
  start: number;
  end: number;
  name: string;
  rest: boolean;
  /** True where any expression fits without parentheses (an argument, an element, a property value, the whole template). */
  open: boolean;
}

/** Node types that never need parentheses wherever an expression goes. */
const PRIMARY = new Set(["Identifier", "ThisExpression", "StringLiteral", "NumericLiteral", "BooleanLiteral", "NullLiteral", "BigIntLiteral", "RegExpLiteral", "TemplateLiteral", "ArrayExpression", "ObjectExpression", "CallExpression", "OptionalCallExpression", "MemberExpression", "OptionalMemberExpression", "NewExpression", "ParenthesizedExpression"]);

function holesOf(template: Node): Hole[] {
  const holes: Hole[] = [];
  const walk = (value: unknown, open: boolean): void => {
    if (Array.isArray(value)) return value.forEach((v) => walk(v, open));
    if (!isNode(value)) return;
    const name = metavariableName(value);
    const rest = restMetavariableName(value);
    if ((name ?? rest) !== null) {
      holes.push({ start: value.start as number, end: value.end as number, name: (name ?? rest) as string, rest: rest !== null, open });
      return;
    }
    for (const key of Object.keys(value)) {
      if (IGNORED_KEYS.has(key)) continue;
      const child = value[key];
      // Slots where an expression is delimited by commas or brackets: no parentheses are needed.
      const delimited =
        ((value.type === "CallExpression" || value.type === "NewExpression" || value.type === "OptionalCallExpression") && key === "arguments") ||
        (value.type === "ArrayExpression" && key === "elements") ||
        (value.type === "ObjectProperty" && key === "value") ||
        (value.type === "SpreadElement" && key === "argument") ||
        (value.type === "ParenthesizedExpression" && key === "expression");
      walk(child, delimited);
    }
  };
  walk(template, true);
  return holes;
}

/**
 * The template's text with each metavariable replaced by the text of what it captured (`textOf`
 * gives a node's source), in parentheses where the captured code could otherwise bind differently.
 * A metavariable without a capture is an error message naming it.
 */
export function instantiateTemplate(text: string, captures: ReadonlyMap<string, Node | Node[]>, textOf: (node: Node) => string): string | { missing: string } {
  const parsed = parsePattern(text);
  if (typeof parsed === "string") return { missing: parsed };
  const holes = holesOf(parsed).sort((a, b) => b.start - a.start);
  let out = text;
  for (const hole of holes) {
    const captured = captures.get(hole.name);
    if (captured === undefined) return { missing: `$${hole.rest ? "$$" : ""}${hole.name}` };
    let replacement: string;
    if (Array.isArray(captured)) replacement = captured.map(textOf).join(", ");
    else {
      const inner = unwrapParentheses(captured);
      replacement = textOf(inner);
      if (!hole.open && !PRIMARY.has(inner.type)) replacement = `(${replacement})`;
    }
    // `$x` parsed inside `(...)` starts after the parenthesis: positions are the identifier's own.
    out = out.slice(0, hole.start) + replacement + out.slice(hole.end);
  }
  return out;
}

/**
 * The code with the variables in `renames` renamed (`trackEvent` -> `track` where the file imports
 * it under that name); property names and keys stay. The code must parse (a checked template).
 */
export function renameVariables(text: string, renames: ReadonlyMap<string, string>): string {
  const parsed = parsePattern(text);
  if (typeof parsed === "string" || renames.size === 0) return text;
  const spans: { start: number; end: number; name: string }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!isNode(value)) return;
    if (value.type === "Identifier") {
      const renamed = renames.get(value.name as string);
      if (renamed !== undefined) spans.push({ start: value.start as number, end: value.end as number, name: renamed });
      return;
    }
    for (const key of Object.keys(value)) {
      if (IGNORED_KEYS.has(key)) continue;
      const isPropertyName = ((value.type === "MemberExpression" || value.type === "OptionalMemberExpression") && key === "property" && !value.computed) || (value.type === "ObjectProperty" && key === "key" && !value.computed);
      // `{ trackEvent }` is a key and a variable at once: written out, so the key stays.
      if (value.type === "ObjectProperty" && value.shorthand && key === "value" && isNode(value.value) && renames.has(value.value.name as string)) {
        spans.push({ start: value.start as number, end: value.end as number, name: `${value.value.name as string}: ${renames.get(value.value.name as string) as string}` });
        continue;
      }
      if (!isPropertyName) walk(value[key]);
    }
  };
  walk(parsed);
  let out = text;
  for (const span of spans.sort((a, b) => b.start - a.start)) out = out.slice(0, span.start) + span.name + out.slice(span.end);
  return out;
}
