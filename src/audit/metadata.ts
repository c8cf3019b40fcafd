import type { ExpressionKind } from "ast-types/lib/gen/kinds";
import type { ASTPath, JSCodeshift, ObjectExpression } from "jscodeshift";
import type { NamedProperty, Node } from "./ast";
import { isStringLiteral, propertyKeyName, propertyNamed } from "./ast";
import { positionOf } from "./location";
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
    case "TSAsExpression":
    case "TSSatisfiesExpression":
    case "TSTypeAssertion":
      return isStringType(expr.typeAnnotation as Node) || provablyString(path, expr.expression as Node, visiting);
    case "BinaryExpression":
      // `+` with a string on either side concatenates.
      return expr.operator === "+" && (provablyString(path, expr.left as Node, visiting) || provablyString(path, expr.right as Node, visiting));
    case "CallExpression":
      return isStringCall(expr);
    case "UnaryExpression":
      return expr.operator === "typeof";
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

/** `number`, `boolean`, `1`, `true`, `number[]`, `{ a: string }` and unions of these: a written type no value of which is a string. */
function isNonStringType(type: Node | null): boolean {
  if (!type) return false;
  switch (type.type) {
    case "TSNumberKeyword":
    case "TSBooleanKeyword":
    case "TSBigIntKeyword":
    case "TSArrayType":
    case "TSTupleType":
    case "TSTypeLiteral":
      return true;
    case "TSLiteralType":
      return !isStringLiteral(type.literal) && (type.literal as Node).type !== "TemplateLiteral";
    case "TSUnionType":
      return (type.types as Node[]).every((t) => isNonStringType(t));
    case "TSParenthesizedType":
      return isNonStringType(type.typeAnnotation as Node);
    default:
      return false;
  }
}

const ARITHMETIC_OPERATORS = new Set(["-", "*", "/", "%", "**", "|", "&", "^", "<<", ">>", ">>>"]);
const COMPARISON_OPERATORS = new Set(["==", "!=", "===", "!==", "<", ">", "<=", ">=", "instanceof", "in"]);
/** Calls whose result is a number or a boolean whatever their argument. */
const NON_STRING_FUNCTIONS = new Set(["Boolean", "Number"]);
/** Methods whose result is a boolean whatever their receiver: `xs.some(...)`, `set.has(x)`. */
const BOOLEAN_METHODS = new Set(["some", "every", "includes", "has"]);
/** Properties that hold a count whatever their object: `xs.length`, `set.size`. */
const COUNT_PROPERTIES = new Set(["length", "size"]);

function isNonStringCall(call: Node): boolean {
  const callee = call.callee as Node;
  if (callee.type === "Identifier") return NON_STRING_FUNCTIONS.has(callee.name as string);
  if (callee.type !== "MemberExpression" && callee.type !== "OptionalMemberExpression") return false;
  const property = callee.property as Node;
  return !callee.computed && property.type === "Identifier" && BOOLEAN_METHODS.has(property.name as string);
}

function bindingIsNonString(binding: Binding, visiting: Set<Node>): boolean {
  if (binding.optional) return false;
  if (isNonStringType(binding.annotation)) return true;
  if (binding.annotation || !binding.init || visiting.has(binding.declaration)) return false;
  visiting.add(binding.declaration);
  return provablyNonString(binding.declarationPath, binding.init, visiting);
}

function provablyNonString(path: ASTPath, expr: Node, visiting: Set<Node>): boolean {
  switch (expr.type) {
    case "NumericLiteral":
    case "BooleanLiteral":
    case "BigIntLiteral":
    case "UpdateExpression":
      return true;
    case "Literal":
      return typeof expr.value === "number" || typeof expr.value === "boolean" || typeof expr.value === "bigint";
    case "ParenthesizedExpression":
      return provablyNonString(path, expr.expression as Node, visiting);
    case "TSAsExpression":
    case "TSSatisfiesExpression":
    case "TSTypeAssertion":
      return isNonStringType(expr.typeAnnotation as Node) || provablyNonString(path, expr.expression as Node, visiting);
    case "UnaryExpression":
      // `typeof x` is a string; `!x`, `-x`, `+x`, `~x`, `void x` and `delete x` never are.
      return expr.operator !== "typeof";
    case "BinaryExpression": {
      const operator = expr.operator as string;
      if (ARITHMETIC_OPERATORS.has(operator) || COMPARISON_OPERATORS.has(operator)) return true;
      // `+` adds only when neither side can be a string.
      return operator === "+" && provablyNonString(path, expr.left as Node, visiting) && provablyNonString(path, expr.right as Node, visiting);
    }
    case "MemberExpression":
    case "OptionalMemberExpression": {
      const property = expr.property as Node;
      return !expr.computed && property.type === "Identifier" && COUNT_PROPERTIES.has(property.name as string);
    }
    case "CallExpression":
    case "OptionalCallExpression":
      return isNonStringCall(expr);
    case "ConditionalExpression":
      return provablyNonString(path, expr.consequent as Node, visiting) && provablyNonString(path, expr.alternate as Node, visiting);
    case "LogicalExpression":
      return provablyNonString(path, expr.left as Node, visiting) && provablyNonString(path, expr.right as Node, visiting);
    case "Identifier": {
      const binding = findBinding(path, expr.name as string, true);
      return !!binding && bindingIsNonString(binding, visiting);
    }
    default:
      return false;
  }
}

/** What the syntax alone says of a metadata value (AUDIT5): a string, surely not a string, or cannot tell. */
export type MetadataValueKind = "string" | "not-string" | "unknown";

/**
 * The kind of `expr` read at `path`. Not a string: number and boolean literals, arithmetic,
 * comparisons, `!x`, `.length`, `.size`, `Boolean()`, `Number()`, `.some()/.every()/.includes()/.has()`,
 * and names of the same function declared with such a value or a non-string annotation. Everything
 * else that is not provably a string (`space.name`, `role`, `domain ?? "all"`) cannot be told without types.
 */
export function metadataValueKind(path: ASTPath, expr: unknown): MetadataValueKind {
  if (provablyString(path, expr as Node, new Set())) return "string";
  return provablyNonString(path, expr as Node, new Set()) ? "not-string" : "unknown";
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

/** `"role" (line 12)`, the first few of them: what the once-per-file AUDIT5 note names. */
export function describeUndecided(entries: MetadataEntry[]): string {
  const named = entries.slice(0, 3).map((e) => `"${e.key}" (line ${positionOf(e.value as never).line})`);
  return entries.length > 3 ? `${named.join(", ")} and ${entries.length - 3} more` : named.join(", ");
}
