import type { ASTPath, ObjectExpression } from "jscodeshift";

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

/** True when comments are attached to `node` itself (babel's leading/trailing/inner ones, or recast's `comments`). */
export function hasOwnComments(node: Node): boolean {
  return ["leadingComments", "trailingComments", "innerComments", "comments"].some((key) => (node[key] as unknown[] | undefined)?.length);
}

// Keys that never lead to code that runs: positions, comments, tokens, recast's pristine copy, and type positions (erased on compiling).
const NON_CODE_KEYS = new Set(["type", "loc", "start", "end", "range", "extra", "comments", "leadingComments", "trailingComments", "innerComments", "tokens", "original", "typeAnnotation", "returnType", "typeParameters", "superTypeParameters", "typeArguments"]);

/**
 * The paths to the nodes at or under `rootPath` that `test` accepts, in source order; type positions are not
 * walked (no code there ever runs). A plain walk over the raw nodes: building an ast-types NodePath for every
 * node, as `Collection.find` does, cost most of a run's time, so paths are made only for the nodes found.
 */
export function findCodePaths(rootPath: ASTPath, test: (node: Node) => boolean): ASTPath[] {
  // Array indices stay numbers: ast-types caches child paths by name and checks `name === index` when it moves them.
  const routes: (string | number)[][] = [];
  const route: (string | number)[] = [];
  const found: Node[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        route.push(i);
        walk(value[i]);
        route.pop();
      }
      return;
    }
    if (!value || typeof value !== "object" || typeof (value as Node).type !== "string") return;
    const node = value as Node;
    if (test(node)) {
      routes.push([...route]);
      found.push(node);
    }
    // Object.keys and Object.values read a node's fields in two calls: a keyed read per field costs more on babel's many node shapes.
    const keys = Object.keys(node);
    const values = Object.values(node);
    for (let k = 0; k < keys.length; k++) {
      const child = values[k];
      if (!child || typeof child !== "object" || NON_CODE_KEYS.has(keys[k])) continue;
      route.push(keys[k]);
      walk(child);
      route.pop();
    }
  };
  walk(rootPath.node);
  const paths = routes.map((r) => (r.length > 0 ? (rootPath.get(...r) as ASTPath) : rootPath));
  // Source order, as `find` gives it (the fields of a babel node need not come in that order); nodes a step built have no position and keep their place.
  if (found.every((node) => typeof node.start === "number")) {
    const order = paths.map((path, i) => ({ path, start: found[i].start as number, i }));
    order.sort((a, b) => a.start - b.start || a.i - b.i);
    return order.map((entry) => entry.path);
  }
  return paths;
}
