import { hasOwnComments, type Node } from "./ast";

/*
 * recast's printing of the few small shapes fixers build most often (`void <call>`, `String(x)`,
 * `a.b`, a name), written out here so that a run whose edits are all of these shapes never loads
 * or warms up recast's printer. Any other shape, or anything carrying comments, parentheses or
 * type annotations, is null: the caller then prints it with recast. The table test in
 * __tests__/audit/print-simple.test.ts holds every printed shape to recast's own output.
 */

// recast's default `wrapColumn`: an argument list longer than this is broken over lines.
const RECAST_WRAP_COLUMN = 74;

/** True for a node recast would print with nothing around it: no comments, no parentheses of its own. */
function bare(node: Node): boolean {
  if ((node.extra as { parenthesized?: boolean } | undefined)?.parenthesized) return false;
  return !hasOwnComments(node);
}

function printName(node: Node): string | null {
  return node.type === "Identifier" && bare(node) && !node.typeAnnotation && !node.optional ? (node.name as string) : null;
}

/** `a`, `a.b`, `a.b.c`: what a callee or a member's object may be here. */
function printPath(node: Node): string | null {
  if (node.type === "Identifier") return printName(node);
  if (node.type !== "MemberExpression" || !bare(node) || node.computed || node.optional) return null;
  const object = printPath(node.object as Node);
  const property = printName(node.property as Node);
  return object === null || property === null ? null : `${object}.${property}`;
}

/** `f(a, b)` on one line, when recast would not break its arguments over lines either. */
function printCall(node: Node): string | null {
  if (!bare(node) || node.optional || node.typeArguments || node.typeParameters) return null;
  const callee = printPath(node.callee as Node);
  if (callee === null) return null;
  const args: string[] = [];
  for (const arg of node.arguments as Node[]) {
    const printed = printOperand(arg);
    if (printed === null) return null;
    args.push(printed);
  }
  const joined = args.join(", ");
  return joined.length > RECAST_WRAP_COLUMN || joined.includes("\n") ? null : `${callee}(${joined})`;
}

/** A name, a member path or a call: operands that never need parentheses of their own. */
function printOperand(node: Node): string | null {
  return node.type === "CallExpression" ? printCall(node) : printPath(node);
}

/** The text recast prints for `node` (a node a step built, without source), or null when only recast can say. */
export function printSimple(node: Node): string | null {
  if (node.type === "UnaryExpression") {
    if (!bare(node) || node.prefix === false) return null;
    const operator = node.operator as string;
    const argument = printOperand(node.argument as Node);
    if (argument === null) return null;
    // As recast does: a word operator (`void`, `typeof`, `delete`) is followed by a space.
    return /[a-z]$/.test(operator) ? `${operator} ${argument}` : `${operator}${argument}`;
  }
  return printOperand(node);
}
