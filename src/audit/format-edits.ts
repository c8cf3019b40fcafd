/*
 * Formatting only what a run wrote: the statements of the output that hold a line the original does
 * not, each formatted alone (at column 0, then re-indented) and spliced back, so every other byte of
 * the file stays as it was. The formatter itself (prettier) is a callback: this module does no I/O.
 */

/** The parts of a babel AST node this module reads. */
interface AstNode {
  type: string;
  start?: number | null;
  end?: number | null;
  loc?: { start: { line: number }; end: { line: number } } | null;
  leadingComments?: { value: string }[] | null;
}

/** Formats one statement's text; `indent` is the whitespace the statement will sit behind. */
export type FormatStatement = (text: string, indent: string) => Promise<string>;

export interface StatementFormatFailure {
  /** 1-based line of the statement in the output. */
  line: number;
  message: string;
}

export interface FormattedEdits {
  text: string;
  /** Statements the formatter refused (its error), left as they were printed. */
  failures: StatementFormatFailure[];
}

interface StatementInfo {
  node: AstNode;
  startLine: number;
  endLine: number;
  /** Holds another statement (an `if`, a function, a callback with a body). */
  compound: boolean;
  /** Holds a string or template literal spanning lines, whose text re-indenting would change. */
  multilineLiteral: boolean;
}

const SKIPPED_KEYS = new Set(["loc", "leadingComments", "trailingComments", "innerComments", "extra", "tokens", "comments"]);
// Keys under which a statement sits in a statement list or as a branch/body; `declaration` (export) and for-heads are not statements.
const STATEMENT_KEYS = new Set(["body", "consequent", "alternate"]);

function isNode(value: unknown): value is AstNode {
  return typeof value === "object" && value !== null && typeof (value as AstNode).type === "string";
}

function isStatementAt(node: AstNode, key: string): boolean {
  return STATEMENT_KEYS.has(key) && node.type !== "BlockStatement" && /(Statement|Declaration)$/.test(node.type);
}

/** Every statement of the program with its lines, innermost facts folded up. */
function collectStatements(program: AstNode): StatementInfo[] {
  const statements: StatementInfo[] = [];
  // Returns whether the subtree holds a statement and whether it holds a multi-line literal.
  const visit = (node: AstNode, key: string): { statement: boolean; multiline: boolean } => {
    let holdsStatement = false;
    let multiline = (node.type === "TemplateLiteral" || node.type === "StringLiteral") && node.loc != null && node.loc.start.line !== node.loc.end.line;
    for (const [childKey, value] of Object.entries(node)) {
      if (SKIPPED_KEYS.has(childKey)) continue;
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (!isNode(child)) continue;
        const found = visit(child, childKey);
        holdsStatement ||= found.statement;
        multiline ||= found.multiline;
      }
    }
    const statement = isStatementAt(node, key) && node.loc != null && node.start != null && node.end != null;
    if (statement) statements.push({ node, startLine: node.loc!.start.line, endLine: node.loc!.end.line, compound: holdsStatement, multilineLiteral: multiline });
    return { statement: statement || holdsStatement, multiline };
  };
  visit(program, "");
  return statements;
}

/** 1-based lines of `output` that the line diff does not find in `original` (blank lines left out). */
export function writtenLines(original: string, output: string): number[] {
  const { diffArrays } = require("diff") as typeof import("diff");
  const lines: number[] = [];
  let line = 1;
  for (const part of diffArrays(original.split("\n"), output.split("\n"))) {
    if (part.removed) continue;
    if (part.added) part.value.forEach((text, k) => text.trim() !== "" && lines.push(line + k));
    line += part.value.length;
  }
  return lines;
}

/** The statement to format for a written line: the innermost one holding it, when auditmod wrote all of it or it holds no other statement. */
function statementFor(line: number, statements: StatementInfo[], written: Set<number>): StatementInfo | null {
  let best: StatementInfo | null = null;
  for (const s of statements) {
    if (s.startLine <= line && line <= s.endLine && (!best || (s.node.start! >= best.node.start! && s.node.end! <= best.node.end!))) best = s;
  }
  if (!best) return null;
  if (best.compound) {
    for (let l = best.startLine; l <= best.endLine; l++) if (!written.has(l)) return null;
  }
  return best;
}

/** `text` with its lines after the first behind `indent` (blank lines stay empty). */
function reindent(text: string, indent: string): string {
  return text
    .split("\n")
    .map((line, i) => (i === 0 || line === "" ? line : indent + line))
    .join("\n");
}

// Code that, after a statement without its `;`, would continue it (ASI does not end the statement).
const JOINS_PREVIOUS = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*[([`+\-/<]/;

/** The `;` a formatter drops (prettier's `semi: false`) is kept when the code after the statement would join it. */
function keepSeparator(statement: string, formatted: string, after: string): string {
  return statement.endsWith(";") && !formatted.endsWith(";") && JOINS_PREVIOUS.test(after) ? `${formatted};` : formatted;
}

/**
 * Formats the statements of `output` that hold lines `original` does not, and only those. A
 * statement is left as printed when it shares its first line with other code, is followed on its
 * last line by code, holds a multi-line string, carries a `prettier-ignore` comment, or holds
 * other statements it did not wholly write (the header of an `if` auditmod edited).
 */
export async function formatWrittenStatements(original: string, output: string, program: AstNode, formatStatement: FormatStatement): Promise<FormattedEdits> {
  const written = writtenLines(original, output);
  if (written.length === 0) return { text: output, failures: [] };
  const writtenSet = new Set(written);
  const statements = collectStatements(program);
  const chosen = new Set<StatementInfo>();
  for (const line of written) {
    const s = statementFor(line, statements, writtenSet);
    if (s) chosen.add(s);
  }
  // Outermost first; a statement inside another chosen one is formatted with it.
  const units = [...chosen]
    .filter((s) => ![...chosen].some((o) => o !== s && o.node.start! <= s.node.start! && s.node.end! <= o.node.end!))
    .filter((s) => !s.multilineLiteral && !(s.node.leadingComments ?? []).some((c) => c.value.trim() === "prettier-ignore"))
    .sort((a, b) => b.node.start! - a.node.start!);
  let text = output;
  const failures: StatementFormatFailure[] = [];
  for (const unit of units) {
    const start = unit.node.start!;
    const end = unit.node.end!;
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    const indent = text.slice(lineStart, start);
    const lineEnd = text.indexOf("\n", end);
    const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
    if (indent.trim() !== "" || !/^\s*(\/\/.*)?$/.test(rest)) continue;
    let formatted: string;
    try {
      formatted = (await formatStatement(text.slice(start, end), indent)).replace(/\n+$/, "");
    } catch (error) {
      failures.push({ line: unit.startLine, message: (error as Error).message.split("\n")[0] });
      continue;
    }
    formatted = keepSeparator(text.slice(start, end), formatted, text.slice(end));
    text = text.slice(0, start) + reindent(formatted, indent) + text.slice(end);
  }
  return { text, failures: failures.reverse() };
}
