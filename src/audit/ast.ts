import type { ObjectExpression } from "jscodeshift";

/** A loosely typed AST node: the engine walks both recast and plain @babel/parser trees. */
export type Node = { type: string; [key: string]: unknown };

type ObjectMember = ObjectExpression["properties"][number];
export type NamedProperty = Extract<ObjectMember, { key: unknown; value: unknown }>;

/** The static name of an object member's key (`a`, `"a"`), or null for computed keys and spreads. */
export function propertyKeyName(member: ObjectMember): string | null {
  const node = member as unknown as Node;
  if (node.type !== "Property" && node.type !== "ObjectProperty") return null;
  if (node.computed) return null;
  const key = node.key as Node;
  if (key.type === "Identifier") return key.name as string;
  if (key.type === "StringLiteral" || (key.type === "Literal" && typeof key.value === "string")) return key.value as string;
  return null;
}

/** The first plain property of an object literal with the given key. */
export function propertyNamed(object: ObjectExpression, name: string): NamedProperty | null {
  for (const member of object.properties) {
    if (propertyKeyName(member) === name) return member as NamedProperty;
  }
  return null;
}

/** True for a string literal (recast's `Literal` or babel's `StringLiteral`). */
export function isStringLiteral(node: unknown): node is Node & { value: string } {
  const n = node as Node | null;
  return !!n && (n.type === "StringLiteral" || (n.type === "Literal" && typeof n.value === "string"));
}
