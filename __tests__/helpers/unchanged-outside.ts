import { parse } from "@babel/parser";

export type PickedNode = { type: string; start: number; end: number; [key: string]: unknown };

/**
 * The text of `source` between the nodes `pick` selects (outermost ones, in source order): what a
 * step must leave byte for byte when it edits only those nodes. Comparing the pieces of the input
 * and of the output asserts that nothing outside the edited nodes moved, not a space, not a line ending.
 */
export function textOutside(source: string, pick: (node: PickedNode, parent: PickedNode | null) => boolean): string[] {
  const ast = parse(source, { sourceType: "module", plugins: ["typescript"] });
  const ranges: [number, number][] = [];
  const visit = (value: unknown, parent: PickedNode | null): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, parent));
    if (!value || typeof value !== "object") return;
    const node = value as PickedNode;
    const isNode = typeof node.type === "string" && typeof node.start === "number";
    if (isNode && pick(node, parent)) {
      ranges.push([node.start, node.end]);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key !== "loc" && !key.endsWith("Comments")) visit(child, isNode ? node : parent);
    }
  };
  visit(ast.program, null);
  ranges.sort((a, b) => a[0] - b[0]);
  const pieces: string[] = [];
  let from = 0;
  for (const [start, end] of ranges) {
    pieces.push(source.slice(from, start));
    from = end;
  }
  pieces.push(source.slice(from));
  return pieces;
}

/** The name an emit call is made by, when `node` is one. */
export function emitCallee(node: PickedNode): string | null {
  if (node.type !== "CallExpression") return null;
  const callee = node.callee as PickedNode & { name?: string };
  return callee.type === "Identifier" && (callee.name === "emitAuditLogEvent" || callee.name === "emitAuditLogEventDirect") ? callee.name : null;
}
