import * as fs from "node:fs";
import * as nodePath from "node:path";
import type { Project, ts } from "ts-morph";
import type { Node } from "./ast";
import { isRecastNode, sourceColumn, sourceLines } from "./positions";

/**
 * What the TypeScript checker says about expressions of one file, through ts-morph (README, "How a run works":
 * `--typecheck`). ts-morph is loaded only when a file reaches a step that needs types.
 */

/** Why the checker cannot answer: for every file of the root (`run`: no usable tsconfig.json), or for this file only. */
type Unavailable = { ok: false; reason: string; scope: "run" | "file" };

type ProjectEntry = { ok: true; project: Project } | Unavailable;

// The one justified piece of module state in src/audit/: building a Project parses the whole
// program, so each worker thread builds it once per root, lazily, and keeps it for the run.
const projects = new Map<string, ProjectEntry>();

// Files a batch may ask about, by root: added together before the first answer so the program is built once, not once per file.
const expected = new Map<string, Set<string>>();

/** Declares files (relative to `root`) whose steps may ask the checker; they join the project together when the first one asks. */
export function expectTypeQuestions(root: string, files: readonly string[]): void {
  const key = nodePath.resolve(root);
  const set = expected.get(key) ?? new Set<string>();
  for (const file of files) set.add(nodePath.resolve(key, file));
  expected.set(key, set);
}

/** Time spent in the checker and files it has loaded, in this thread, so a run can say what `--typecheck` cost. */
const spent = { ms: 0 };

/** What `--typecheck` has cost this thread so far: milliseconds, and files in the checker's programs (the lib files aside). */
export function typecheckCost(): { ms: number; files: number } {
  let files = 0;
  for (const entry of projects.values()) {
    if (!entry.ok) continue;
    const program = entry.project.getProgram().compilerObject;
    files += program.getSourceFiles().filter((sf) => !program.isSourceFileDefaultLibrary(sf)).length;
  }
  return { ms: spent.ms, files };
}

function timed<T>(work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    spent.ms += performance.now() - started;
  }
}

function projectFor(root: string): ProjectEntry {
  const cached = projects.get(root);
  if (cached) return cached;
  const tsConfigFilePath = nodePath.join(root, "tsconfig.json");
  let entry: ProjectEntry;
  if (!fs.existsSync(tsConfigFilePath)) {
    entry = { ok: false, reason: `no tsconfig.json at ${root}`, scope: "run" };
  } else {
    try {
      const { Project: ProjectClass } = require("ts-morph") as typeof import("ts-morph");
      // Only the files a step asks about are added; the checker pulls in what they import, not the whole tsconfig.
      entry = { ok: true, project: new ProjectClass({ tsConfigFilePath, skipAddingFilesFromTsConfig: true }) };
    } catch (error) {
      entry = { ok: false, reason: `cannot load ${tsConfigFilePath}: ${(error as Error).message}`, scope: "run" };
    }
  }
  projects.set(root, entry);
  return entry;
}

/** The checker's view of one file. */
export interface FileTypes {
  /**
   * True when the checker types `node` as assignable to `string` (never `any`), false when it does not,
   * null when the node cannot be found in the file as the checker sees it (a node an earlier step built).
   */
  isString(node: unknown): boolean | null;
}

export type FileTypesResult = { ok: true; types: FileTypes } | Unavailable;

/** Why the checker could not be built for a root this thread asked about: a run says each once. */
export function typecheckUnavailableReasons(): string[] {
  return [...projects.values()].flatMap((entry) => (entry.ok ? [] : [entry.reason]));
}

function normalise(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n/g, "\n");
}

interface Loc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

function locOf(node: unknown): Loc | null {
  const loc = (node as { loc?: Loc | null } | null)?.loc;
  return loc && loc.start && loc.end ? loc : null;
}

/** Identifier names under a babel node in source order; null when some part has no position (built by a step). */
function babelIdentifiers(node: Node): string[] | null {
  const found: { name: string; line: number; column: number }[] = [];
  let complete = true;
  const skip = new Set(["loc", "start", "end", "comments", "leadingComments", "trailingComments", "innerComments", "extra", "original", "tokens"]);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== "object" || typeof (value as Node).type !== "string") return;
    const n = value as Node;
    if (n.type === "Identifier" || n.type === "JSXIdentifier") {
      const loc = locOf(n);
      if (!loc) complete = false;
      else found.push({ name: n.name as string, line: loc.start.line, column: loc.start.column });
    }
    for (const key of Object.keys(n)) if (!skip.has(key)) visit(n[key]);
  };
  visit(node);
  if (!complete) return null;
  found.sort((a, b) => a.line - b.line || a.column - b.column);
  return found.map((f) => f.name);
}

/** Identifier texts under a compiler node in source order, JSDoc included (as ts-morph's getDescendantsOfKind read them). */
function tsIdentifiers(ts: typeof import("ts-morph").ts, sourceFile: ts.SourceFile, node: ts.Node): string[] {
  const names: string[] = [];
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.Identifier) names.push(sourceFile.text.slice(n.getStart(sourceFile), n.end));
    for (const child of n.getChildren(sourceFile)) visit(child);
  };
  visit(node);
  return names;
}

/**
 * The compiler node spanning exactly the babel node's range, by line and column (LF and CRLF agree
 * on both; a recast node's column is first brought back from recast's copy of the text).
 */
function tsNodeAt(ts: typeof import("ts-morph").ts, sourceFile: ts.SourceFile, lines: string[], node: unknown, loc: Loc): ts.Node | null {
  const bom = sourceFile.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const recast = isRecastNode(node);
  const position = (at: Loc["start"]) => {
    const lineText = lines[at.line - 1];
    if (lineText === undefined) throw new RangeError(`line ${at.line} is past the end of the file`);
    const column = recast ? sourceColumn(lineText, at.column) : at.column;
    return sourceFile.getPositionOfLineAndCharacter(at.line - 1, column + (at.line === 1 ? bom : 0));
  };
  let start: number;
  let end: number;
  try {
    start = position(loc.start);
    end = position(loc.end);
  } catch {
    return null;
  }
  // Compiler nodes, not ts-morph ones: ts-morph would wrap and cache every node on the way down for nothing.
  let deepest: ts.Node = sourceFile;
  for (let next: ts.Node | undefined = sourceFile; next; ) {
    deepest = next;
    next = ts.forEachChild(next, (child) => (start >= child.pos && start < child.end ? child : undefined));
  }
  let candidate: ts.Node | undefined = deepest;
  while (candidate && candidate.getStart(sourceFile) === start && candidate.end <= end) {
    if (candidate.end === end) return candidate;
    candidate = candidate.parent;
  }
  return null;
}

function checkerSaysString(ts: typeof import("ts-morph").ts, checker: ts.TypeChecker, node: ts.Node): boolean {
  const type = checker.getTypeAtLocation(node);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return false;
  return checker.isTypeAssignableTo(type, checker.getStringType());
}

/**
 * The checker's view of `file` (relative to `root`) whose text the step sees as `source`.
 * Babel nodes are found in the checker's file by position, so the text must be the file on disk
 * (BOM and CRLF aside); when it is not, the caller falls back to the syntactic rule.
 */
export function fileTypes(root: string, file: string, source: string): FileTypesResult {
  return timed(() => fileTypesUntimed(root, file, source));
}

function fileTypesUntimed(root: string, file: string, source: string): FileTypesResult {
  const key = nodePath.resolve(root);
  const entry = projectFor(key);
  if (!entry.ok) return entry;
  for (const path of expected.get(key) ?? []) if (!entry.project.getSourceFile(path)) entry.project.addSourceFileAtPathIfExists(path);
  expected.delete(key);
  const absolute = nodePath.resolve(root, file);
  const sourceFile = entry.project.getSourceFile(absolute) ?? entry.project.addSourceFileAtPathIfExists(absolute);
  if (!sourceFile) return { ok: false, reason: `${file} is not in the TypeScript project of ${root}`, scope: "file" };
  if (normalise(sourceFile.getFullText()) !== normalise(source)) {
    return { ok: false, reason: `${file} differs from the copy the TypeScript project read`, scope: "file" };
  }
  const { ts } = require("ts-morph") as typeof import("ts-morph");
  const compilerFile = sourceFile.compilerNode;
  const project = entry.project;
  const lines = sourceLines(source);
  return {
    ok: true,
    types: {
      isString(node) {
        const loc = locOf(node);
        if (!loc) return null;
        const tsNode = tsNodeAt(ts, compilerFile, lines, node, loc);
        if (!tsNode) return null;
        // A node an earlier step parsed from other text carries positions of that text: the names must agree.
        const names = babelIdentifiers(node as Node);
        if (!names || names.join(" ") !== tsIdentifiers(ts, compilerFile, tsNode).join(" ")) return null;
        return timed(() => checkerSaysString(ts, project.getTypeChecker().compilerObject, tsNode));
      },
    },
  };
}
