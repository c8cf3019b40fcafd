import type { ExpressionKind } from "ast-types/lib/gen/kinds";
import type { ASTPath, JSCodeshift, ObjectExpression } from "jscodeshift";
import type { NamedProperty, Node } from "./ast";
import { isStringLiteral, propertyKeyName, propertyNamed } from "./ast";
import { findBinding, type Binding } from "./scope";

/**
 * The one place that knows whether a metadata value is provably a string (AUDIT5) and how the
 * `metadata` object of an emit is read. Syntactic only; `--typecheck` asks ts-morph (typecheck.ts).
 */

/** Calls whose result is a string whatever their receiver: `x.toString()`, `xs.join(",")`, `d.toISOString()`. */
const STRING_METHODS = new Set(["toString", "join", "toISOString"]);

function isStringCall(call: Node): boolean {
  if (call.type !== "CallExpression" || call.optional) return false;
  const callee = call.callee as Node;
  if (callee.type === "Identifier") return callee.name === "String";
  if (callee.type !== "MemberExpression" || callee.computed || callee.optional) return false;
  const property = callee.property as Node;
  if (property.type !== "Identifier") return false;
  const object = callee.object as Node;
  if (object.type === "Identifier" && object.name === "JSON" && property.name === "stringify") return true;
  return STRING_METHODS.has(property.name as string);
}

/** `string`, `"a"`, `"a" | "b"`: a written type every value of which is a string. */
function isStringType(type: Node | null): boolean {
  if (!type) return false;
  switch (type.type) {
    case "TSStringKeyword":
      return true;
    case "TSLiteralType":
      return isStringLiteral(type.literal) || (type.literal as Node).type === "TemplateLiteral";
    case "TSUnionType":
      return (type.types as Node[]).every((t) => isStringType(t));
    case "TSParenthesizedType":
      return isStringType(type.typeAnnotation as Node);
    default:
      return false;
  }
}

function bindingIsString(binding: Binding, visiting: Set<Node>): boolean {
  if (binding.optional) return false;
  if (isStringType(binding.annotation)) return true;
  if (binding.annotation || !binding.init || visiting.has(binding.declaration)) return false;
  visiting.add(binding.declaration);
  return provablyString(binding.declarationPath, binding.init, visiting);
}

function provablyString(path: ASTPath, expr: Node, visiting: Set<Node>): boolean {
  switch (expr.type) {
    case "StringLiteral":
    case "TemplateLiteral":
      return true;
    case "Literal":
      return typeof expr.value === "string";
    case "ParenthesizedExpression":
      return provablyString(path, expr.expression as Node, visiting);
    case "BinaryExpression":
      // `+` with a string on either side concatenates.
      return expr.operator === "+" && (provablyString(path, expr.left as Node, visiting) || provablyString(path, expr.right as Node, visiting));
    case "CallExpression":
      return isStringCall(expr);
    case "ConditionalExpression":
      return provablyString(path, expr.consequent as Node, visiting) && provablyString(path, expr.alternate as Node, visiting);
    case "LogicalExpression":
      return expr.operator === "??" && provablyString(path, expr.left as Node, visiting) && provablyString(path, expr.right as Node, visiting);
    case "Identifier": {
      // Only bindings of the same function: no inference across function boundaries.
      const binding = findBinding(path, expr.name as string, true);
      return !!binding && bindingIsString(binding, visiting);
    }
    default:
      return false;
  }
}

/**
 * True when `expr`, read at `path`, is a string by its syntax alone: string and template literals,
 * `+` with a string, `String(x)`, `x.toString()`, `.join(...)`, `JSON.stringify(...)`, `.toISOString()`,
 * an identifier annotated `string` or initialised from one of these in the same function, a ternary
 * of two such values, `x ?? "literal"` with `x` such a value.
 */
export function isProvablyString(path: ASTPath, expr: unknown): boolean {
  return provablyString(path, expr as Node, new Set());
}

/** `String(expr)`: how a metadata value is made a string (AUDIT5). */
export function stringifyValue(j: JSCodeshift, expr: ExpressionKind): ExpressionKind {
  return j.callExpression(j.identifier("String"), [expr]);
}

/** One `key: value` (or shorthand `key`) of an emit's metadata object. */
export interface MetadataEntry {
  key: string;
  property: NamedProperty;
  value: Node;
  shorthand: boolean;
}

export type MetadataRead =
  | { ok: true; object: ObjectExpression; entries: MetadataEntry[] }
  /** The metadata cannot be read entry by entry; `node` is where, `reason` says why (a clause: "metadata spreads `...extra`"). */
  | { ok: false; node: Node; reason: string };

/** `a`, `a.b.c`, `f(...)` in backquotes, for messages; "an expression" otherwise. */
function describe(node: Node): string {
  const text = (n: Node): string | null => {
    if (n.type === "Identifier") return n.name as string;
    if (n.type === "ThisExpression") return "this";
    if (n.type === "MemberExpression" && !n.computed) {
      const object = text(n.object as Node);
      const property = n.property as Node;
      return object && property.type === "Identifier" ? `${object}.${property.name as string}` : null;
    }
    if (n.type === "CallExpression") {
      const callee = text(n.callee as Node);
      return callee ? `${callee}(...)` : null;
    }
    return null;
  };
  const t = text(node);
  return t ? `\`${t}\`` : "an expression";
}

/** `{ ... } as T` and `{ ... } satisfies T` are still object literals. */
function unwrapTypeAssertions(node: Node): Node {
  let current = node;
  while (["TSAsExpression", "TSSatisfiesExpression", "ParenthesizedExpression", "TSNonNullExpression"].includes(current.type)) {
    current = current.expression as Node;
  }
  return current;
}

/**
 * The entries of an emit's `metadata` object literal, or why they cannot be read (a spread, a
 * computed key, a method, a value that is not an object literal); null when the event has no metadata.
 */
export function metadataEntries(event: ObjectExpression): MetadataRead | null {
  const property = propertyNamed(event, "metadata");
  if (!property) return null;
  const raw = property.value as unknown as Node;
  const value = unwrapTypeAssertions(raw);
  if (value.type !== "ObjectExpression") {
    return { ok: false, node: raw, reason: `metadata is ${describe(value)}, not an object literal` };
  }
  const entries: MetadataEntry[] = [];
  for (const member of (value as unknown as ObjectExpression).properties) {
    const node = member as unknown as Node;
    if (node.type === "SpreadElement" || node.type === "SpreadProperty") {
      const spread = describe(node.argument as Node);
      return { ok: false, node, reason: `metadata spreads ${spread.startsWith("`") ? `\`...${spread.slice(1)}` : spread}` };
    }
    if (node.type === "ObjectMethod" || (node.type === "Property" && (node.kind !== "init" || node.method))) {
      return { ok: false, node, reason: "metadata has a method or accessor" };
    }
    const key = propertyKeyName(member);
    if (key === null) return { ok: false, node, reason: "metadata has a computed key" };
    entries.push({ key, property: member as NamedProperty, value: node.value as Node, shorthand: node.shorthand === true });
  }
  return { ok: true, object: value as unknown as ObjectExpression, entries };
}
