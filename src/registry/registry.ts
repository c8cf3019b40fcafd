import type { SourceFile, TypeNode } from "ts-morph";
import type * as TsMorph from "ts-morph";
import { lineColumnAt, problemAt, type FileProblem } from "./position";


// ts-morph takes about half a second to load: only commands that read the registry pay for it.
let loadedTsMorph: typeof TsMorph | undefined;
function tsMorph(): typeof TsMorph {
  loadedTsMorph ??= require("ts-morph") as typeof TsMorph;
  return loadedTsMorph;
}

/**
 * The action registry (`lib/api/audit/workos_audit.ts`): ts-morph finds the entries, and edits are
 * text splices at ts-morph positions so quotes, indentation and grouping comments stay byte for byte.
 */

export type RegistryLayout = "union" | "const-array" | "never";

/** A registered action and where its string literal starts (1-based), for diagnostics at the entry. */
export interface RegistryEntry {
  action: string;
  line: number;
  column: number;
}

export type RegistryRead = { ok: true; layout: RegistryLayout; actions: string[]; entries: RegistryEntry[] } | { ok: false; error: FileProblem };

export type RegistryEdit = { ok: true; text: string; added: string[] } | { ok: false; error: FileProblem };

export const ACTION_TYPE_NAME = "AuditAction";

const EXPECTED_LAYOUTS =
  'expected `export type AuditAction = "space.created" | ...` (a union of string literals), ' +
  "`export type AuditAction = (typeof AUDIT_ACTIONS)[number]` over `const AUDIT_ACTIONS = [...] as const`, " +
  "or `export type AuditAction = never`";

/** Prettier's default print width: a filled-in `never` or empty array stays on one line when it fits. */
const PRINT_WIDTH = 80;

interface Entry {
  action: string;
  start: number;
  end: number;
  /** End of the comma that follows an array element, when there is one. */
  commaEnd: number | null;
}

type Located =
  | { layout: "union"; entries: Entry[] }
  | { layout: "const-array"; entries: Entry[]; open: number; close: number; quote: string }
  | { layout: "never"; start: number; end: number; quote: string };

interface Splice {
  start: number;
  end: number;
  insert: string;
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

function parse(file: string, text: string): SourceFile {
  const project = new (tsMorph().Project)({ useInMemoryFileSystem: true, compilerOptions: { noLib: true, allowJs: true } });
  return project.createSourceFile(file.endsWith(".ts") || file.endsWith(".tsx") ? file : `${file}.ts`, text, { overwrite: true });
}

function unwrapParens(node: TypeNode): TypeNode {
  let current = node;
  while (tsMorph().Node.isParenthesizedTypeNode(current)) current = current.getTypeNode();
  return current;
}

/** The quote the file already uses for strings, for entries written where no entry exists yet. */
function fileQuote(sf: SourceFile, text: string): string {
  const first = sf.getFirstDescendantByKind(tsMorph().SyntaxKind.StringLiteral);
  return first ? text[first.getStart()] : '"';
}

function unionEntries(file: string, text: string, members: TypeNode[]): { ok: true; entries: Entry[] } | { ok: false; error: FileProblem } {
  const entries: Entry[] = [];
  for (const member of members) {
    const literal = tsMorph().Node.isLiteralTypeNode(member) ? member.getLiteral() : null;
    if (!literal || !tsMorph().Node.isStringLiteral(literal)) {
      return { ok: false, error: problemAt(file, text, member.getStart(), `${ACTION_TYPE_NAME} member \`${clip(member.getText())}\` is not a string literal; ${EXPECTED_LAYOUTS}`) };
    }
    entries.push({ action: literal.getLiteralValue(), start: literal.getStart(), end: literal.getEnd(), commaEnd: null });
  }
  return { ok: true, entries };
}

function locateConstArray(file: string, text: string, sf: SourceFile, typeNode: TypeNode, arrayName: string): { ok: true; located: Located } | { ok: false; error: FileProblem } {
  const declaration = sf.getVariableDeclaration(arrayName);
  if (!declaration) return { ok: false, error: problemAt(file, text, typeNode.getStart(), `${ACTION_TYPE_NAME} is derived from \`${arrayName}\`, which is not declared in this file; ${EXPECTED_LAYOUTS}`) };
  let init = declaration.getInitializer();
  if (init && tsMorph().Node.isSatisfiesExpression(init)) init = init.getExpression();
  const array = init && tsMorph().Node.isAsExpression(init) && init.getTypeNode()?.getText() === "const" ? init.getExpression() : undefined;
  if (!array || !tsMorph().Node.isArrayLiteralExpression(array)) {
    return { ok: false, error: problemAt(file, text, declaration.getStart(), `\`${arrayName}\` is not an array literal ending in \`as const\`; ${EXPECTED_LAYOUTS}`) };
  }
  const entries: Entry[] = [];
  const children = array.getFirstChildByKindOrThrow(tsMorph().SyntaxKind.SyntaxList).getChildren();
  children.forEach((child, i) => {
    if (child.getKind() === tsMorph().SyntaxKind.CommaToken) return;
    const next = children[i + 1];
    const commaEnd = next && next.getKind() === tsMorph().SyntaxKind.CommaToken ? next.getEnd() : null;
    entries.push({ action: tsMorph().Node.isStringLiteral(child) ? child.getLiteralValue() : "", start: child.getStart(), end: child.getEnd(), commaEnd });
  });
  const bad = array.getElements().find((e) => !tsMorph().Node.isStringLiteral(e));
  if (bad) return { ok: false, error: problemAt(file, text, bad.getStart(), `\`${arrayName}\` element \`${clip(bad.getText())}\` is not a string literal; ${EXPECTED_LAYOUTS}`) };
  const open = array.getStart();
  return { ok: true, located: { layout: "const-array", entries, open, close: array.getEnd() - 1, quote: fileQuote(sf, text) } };
}

/** Finds the registry's entries (and where new ones go) in one of the three layouts. */
function locate(file: string, text: string): { ok: true; located: Located } | { ok: false; error: FileProblem } {
  const sf = parse(file, text);
  const syntax = sf.getProject().getProgram().compilerObject.getSyntacticDiagnostics(sf.compilerNode)[0];
  if (syntax) {
    return { ok: false, error: problemAt(file, text, syntax.start ?? 0, `does not parse: ${tsMorph().ts.flattenDiagnosticMessageText(syntax.messageText, " ")}`) };
  }
  const alias = sf.getTypeAlias(ACTION_TYPE_NAME);
  if (!alias) return { ok: false, error: problemAt(file, text, 0, `no \`type ${ACTION_TYPE_NAME}\` in this file; ${EXPECTED_LAYOUTS}`) };
  const written = alias.getTypeNodeOrThrow();
  const type = unwrapParens(written);
  if (type.getKind() === tsMorph().SyntaxKind.NeverKeyword) {
    return { ok: true, located: { layout: "never", start: type.getStart(), end: type.getEnd(), quote: fileQuote(sf, text) } };
  }
  if (tsMorph().Node.isUnionTypeNode(type) || tsMorph().Node.isLiteralTypeNode(type)) {
    const found = unionEntries(file, text, tsMorph().Node.isUnionTypeNode(type) ? type.getTypeNodes() : [type]);
    return found.ok ? { ok: true, located: { layout: "union", entries: found.entries } } : found;
  }
  if (tsMorph().Node.isIndexedAccessTypeNode(type)) {
    const object = unwrapParens(type.getObjectTypeNode());
    const index = type.getIndexTypeNode();
    if (tsMorph().Node.isTypeQuery(object) && index.getKind() === tsMorph().SyntaxKind.NumberKeyword && tsMorph().Node.isIdentifier(object.getExprName())) {
      return locateConstArray(file, text, sf, type, object.getExprName().getText());
    }
  }
  return { ok: false, error: problemAt(file, text, written.getStart(), `\`type ${ACTION_TYPE_NAME} = ${clip(written.getText())}\` is not a registry layout; ${EXPECTED_LAYOUTS}`) };
}

/** The registered actions, in file order: the one reader behind registration, `check` and `instrument`. */
export function readRegistry(file: string, text: string): RegistryRead {
  const found = locate(file, text);
  if (!found.ok) return found;
  const { located } = found;
  const entries = located.layout === "never" ? [] : located.entries.map((e) => ({ action: e.action, ...lineColumnAt(text, e.start) }));
  return { ok: true, layout: located.layout, actions: entries.map((e) => e.action), entries };
}

function resourceOf(action: string): string {
  return action.slice(0, action.indexOf(".") + 1);
}

/** The entry a new action follows: the last one of the same resource, else the last of all. */
function anchorFor(entries: Entry[], action: string): Entry {
  const sameResource = entries.filter((e) => resourceOf(e.action) === resourceOf(action));
  return sameResource.length > 0 ? sameResource[sameResource.length - 1] : entries[entries.length - 1];
}

/** New actions in the order repeated inserts would leave them: each after the last of its resource, else last. */
function groupByResource(actions: string[]): string[] {
  const ordered: string[] = [];
  for (const action of actions) {
    let at = -1;
    ordered.forEach((a, i) => {
      if (resourceOf(a) === resourceOf(action)) at = i;
    });
    ordered.splice(at === -1 ? ordered.length : at + 1, 0, action);
  }
  return ordered;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The text between the start of `offset`'s line and `offset`. */
function linePrefix(text: string, offset: number): string {
  return text.slice(lineStartOf(text, offset), offset);
}

function indentOf(text: string, offset: number): string {
  return /^[ \t]*/.exec(linePrefix(text, offset))![0];
}

/** Past any comments that follow `offset` on the same line, so a new line never steals an entry's comment. */
function afterTrailingComments(text: string, offset: number): number {
  const ranges = tsMorph().ts.getTrailingCommentRanges(text, offset) ?? [];
  return ranges.length > 0 ? ranges[ranges.length - 1].end : offset;
}

function lineLength(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  return (end === -1 ? text.length : end) - lineStartOf(text, offset);
}

function unionInsertion(text: string, entries: Entry[], action: string): Splice[] {
  const anchor = anchorFor(entries, action);
  const isLast = anchor === entries[entries.length - 1];
  const quoted = `${text[anchor.start]}${action}${text[anchor.start]}`;
  const firstLine = lineStartOf(text, entries[0].start);
  const others = entries.slice(1).filter((e) => lineStartOf(text, e.start) !== firstLine);
  if (others.length === 0) return [{ start: anchor.end, end: anchor.end, insert: ` | ${quoted}` }];
  // Leading pipes (`  | "a"`, prettier's style): copy a member's line prefix, pipe included.
  const leading = others.find((e) => /^[ \t]*\|[ \t]*$/.test(linePrefix(text, e.start)));
  if (leading) {
    const at = isLast ? anchor.end : afterTrailingComments(text, anchor.end);
    return [{ start: at, end: at, insert: `\n${linePrefix(text, leading.start)}${quoted}` }];
  }
  // Trailing pipes (`"a" |` then `  "b"`).
  return [{ start: anchor.end, end: anchor.end, insert: ` |\n${indentOf(text, others[0].start)}${quoted}` }];
}

function arrayInsertion(text: string, located: Extract<Located, { layout: "const-array" }>, action: string): Splice[] {
  const { entries } = located;
  const anchor = anchorFor(entries, action);
  const quoted = `${text[anchor.start]}${action}${text[anchor.start]}`;
  if (!text.slice(located.open, located.close).includes("\n")) return [{ start: anchor.end, end: anchor.end, insert: `, ${quoted}` }];
  const indent = indentOf(text, anchor.start);
  if (anchor.commaEnd !== null) {
    const at = afterTrailingComments(text, anchor.commaEnd);
    return [{ start: at, end: at, insert: `\n${indent}${quoted},` }];
  }
  // The last element without a trailing comma: it gets one, the new element keeps the file's no-trailing-comma style.
  const at = afterTrailingComments(text, anchor.end);
  return [
    { start: anchor.end, end: anchor.end, insert: "," },
    { start: at, end: at, insert: `\n${indent}${quoted}` },
  ];
}

/** `never` becomes a union of the new actions: on one line when it fits, else one `| "a"` per line. */
function neverFill(text: string, located: Extract<Located, { layout: "never" }>, actions: string[]): Splice[] {
  const quoted = actions.map((a) => `${located.quote}${a}${located.quote}`);
  const single = quoted.join(" | ");
  if (lineLength(text, located.start) - (located.end - located.start) + single.length <= PRINT_WIDTH) {
    return [{ start: located.start, end: located.end, insert: single }];
  }
  let start = located.start;
  while (text[start - 1] === " " || text[start - 1] === "\t") start--;
  const indent = `${indentOf(text, located.start)}  `;
  return [{ start, end: located.end, insert: quoted.map((q) => `\n${indent}| ${q}`).join("") }];
}

/** An `[] as const` array gets its first elements: inline when it was inline and fits, else one per line. */
function emptyArrayFill(text: string, located: Extract<Located, { layout: "const-array" }>, actions: string[]): Splice[] {
  const quoted = actions.map((a) => `${located.quote}${a}${located.quote}`);
  const inner = text.slice(located.open + 1, located.close);
  const single = quoted.join(", ");
  if (!inner.includes("\n") && inner.trim() === "" && lineLength(text, located.open) - inner.length + single.length <= PRINT_WIDTH) {
    return [{ start: located.open + 1, end: located.close, insert: single }];
  }
  const indent = indentOf(text, located.open);
  const lines = quoted.map((q) => `${indent}  ${q},\n`).join("");
  if (/^[ \t]*$/.test(linePrefix(text, located.close)) && inner.includes("\n")) {
    // `]` on its own line (maybe after comments): the elements go just above it.
    const at = lineStartOf(text, located.close);
    return [{ start: at, end: at, insert: lines }];
  }
  return [{ start: located.open + 1, end: located.close, insert: `\n${lines}${indent}` }];
}

/** Applies splices from the end of the text; of two at one offset, the one listed first ends up first. */
function applySplices(text: string, splices: Splice[]): string {
  let out = text;
  const order = splices.map((s, i) => ({ s, i })).sort((a, b) => b.s.start - a.s.start || b.i - a.i);
  for (const { s } of order) out = out.slice(0, s.start) + s.insert + out.slice(s.end);
  return out;
}

/**
 * Registers `actions` (valid AUDIT8 names; check them with `actionNameProblem` first): each goes after
 * the last entry of the same `<resource>.`, else at the end; one already present is left as it is.
 */
export function addActions(file: string, text: string, actions: string[]): RegistryEdit {
  let current = text;
  const added: string[] = [];
  let pending = [...new Set(actions)];
  while (pending.length > 0) {
    const found = locate(file, current);
    if (!found.ok) return found;
    const { located } = found;
    const present = new Set(located.layout === "never" ? [] : located.entries.map((e) => e.action));
    pending = pending.filter((a) => !present.has(a));
    if (pending.length === 0) break;
    if (located.layout === "never" || (located.layout === "const-array" && located.entries.length === 0)) {
      const ordered = groupByResource(pending);
      current = applySplices(current, located.layout === "never" ? neverFill(current, located, ordered) : emptyArrayFill(current, located, ordered));
      added.push(...ordered);
      break;
    }
    const action = pending.shift()!;
    current = applySplices(current, located.layout === "union" ? unionInsertion(current, located.entries, action) : arrayInsertion(current, located, action));
    added.push(action);
  }
  if (added.length > 0) {
    // A splice that broke the file or lost an entry must never be written.
    const check = readRegistry(file, current);
    const before = readRegistry(file, text);
    const expected = [...(before.ok ? before.actions : []), ...added].sort();
    if (!check.ok) return { ok: false, error: { ...check.error, message: `adding ${added.join(", ")} would break the registry: ${check.error.message}` } };
    if ([...check.actions].sort().join("\n") !== expected.join("\n")) {
      return { ok: false, error: problemAt(file, text, 0, `adding ${added.join(", ")} did not give the expected entries (a bug in auditmod; the file was left as it was)`) };
    }
  }
  return { ok: true, text: current, added };
}
