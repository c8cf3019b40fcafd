import type { ASTNode } from "jscodeshift";

/** 1-based line and column of a node, or 1:1 when it has no location (a node built by a step). */
export function positionOf(node: ASTNode | null | undefined): { line: number; column: number } {
  const loc = (node as { loc?: { start: { line: number; column: number } } } | null | undefined)?.loc;
  if (!loc) return { line: 1, column: 1 };
  return { line: loc.start.line, column: loc.start.column + 1 };
}
