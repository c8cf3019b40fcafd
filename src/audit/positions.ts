/**
 * Where a node of a recast tree is in the step's text. recast does not parse the text itself but a
 * copy whose leading whitespace is re-rendered as spaces (a tab advances to the next multiple of 4
 * columns; \v, \f, \r and U+FEFF count for nothing) and whose line breaks are all "\n". In a recast
 * tree, `start`/`end` and `loc.column` are therefore positions in that copy; plain @babel/parser
 * trees (the engine's probe pass) have positions in the text itself.
 */

/** recast's default tab width: the one it expands tabs with before parsing. */
const RECAST_TAB_WIDTH = 4;

/** True when recast's copy of `source` is `source` itself, so node offsets are offsets into it. */
export function recastCopyIsSource(source: string): boolean {
  return !source.includes("\r") && !/^[^\S\n]*[\t\v\f\ufeff]/m.test(source);
}

/** The column recast's copy starts a line's text at, for the line's leading whitespace (as recast's `countSpaces`). */
function renderedIndent(whitespace: string): number {
  let count = 0;
  for (const char of whitespace) {
    if (char === "\t") {
      const next = Math.ceil(count / RECAST_TAB_WIDTH) * RECAST_TAB_WIDTH;
      count = next === count ? count + RECAST_TAB_WIDTH : next;
    } else if (char !== "\v" && char !== "\f" && char !== "\r" && char !== "\ufeff") {
      count += 1;
    }
  }
  return count;
}

/** The lines of a text split where babel, TypeScript and recast all break lines. */
export function sourceLines(source: string): string[] {
  return source.split(/\r\n|\r|\n|\u2028|\u2029/);
}

/**
 * The 0-based column in `lineText` (a line of the step's text) of a position recast reports at
 * `column` of the same line of its copy. Only the leading whitespace differs between the two.
 */
export function sourceColumn(lineText: string, column: number): number {
  const whitespace = /^\s*/.exec(lineText)?.[0] ?? "";
  const rendered = renderedIndent(whitespace);
  return column >= rendered ? column - rendered + whitespace.length : column;
}

/** True when a node comes from a recast parse (its `loc` carries recast's `lines`), so its columns are in recast's copy. */
export function isRecastNode(node: unknown): boolean {
  const loc = (node as { loc?: { lines?: unknown } | null } | null)?.loc;
  return !!loc && loc.lines !== undefined;
}

/**
 * The `[start, end)` of a node in the step's text `source`, or null for a node a step built (no
 * position). A recast node of a text recast re-rendered is located by line and column instead.
 */
export function sourceRange(source: string, node: unknown): { start: number; end: number } | null {
  const n = node as { start?: unknown; end?: unknown; loc?: { start: { line: number; column: number }; end: { line: number; column: number } } | null } | null;
  if (!n || typeof n.start !== "number" || typeof n.end !== "number") return null;
  if (!isRecastNode(n) || recastCopyIsSource(source)) return { start: n.start, end: n.end };
  if (!n.loc) return null;
  const starts = lineStarts(source);
  const lines = sourceLines(source);
  const offset = (at: { line: number; column: number }) => {
    const lineText = lines[at.line - 1];
    return lineText === undefined ? null : starts[at.line - 1] + sourceColumn(lineText, at.column);
  };
  const start = offset(n.loc.start);
  const end = offset(n.loc.end);
  return start === null || end === null ? null : { start, end };
}

/** The offset each line of `source` starts at (lines as `sourceLines` splits them). */
function lineStarts(source: string): number[] {
  const starts = [0];
  const breaks = /\r\n|\r|\n|\u2028|\u2029/g;
  for (let match = breaks.exec(source); match; match = breaks.exec(source)) starts.push(match.index + match[0].length);
  return starts;
}
