import { hasOwnComments, type Node } from "./ast";

/*
 * Print only what changed: the steps edit a plain @babel/parser tree; a snapshot taken before they
 * ran tells which slots now hold other nodes and which statement lists gained statements. Each such
 * slot's old source range is replaced by the new node's printed text, new statements are put between
 * their neighbours as recast lays out a statement list, and every other byte of the file stays as it
 * was, whatever its indentation. The rule throughout: the result is what recast's reprint would give
 * (held to it by the fixtures and __tests__/engine/splice-differential.test.ts). Edits this module
 * cannot prove it prints so (another list that grew or shrank, a changed flag or name, comments in the
 * way, a layout recast would rewrite) are declined with a reason, and the caller prints the file with recast.
 */

/** The fields of one node as they were before the steps ran: its own keys in order, and their values (arrays copied). */
interface Fields {
  keys: string[];
  values: unknown[];
}

/** Every node of a tree with its fields before the steps ran. */
export type Snapshot = Map<object, Fields>;

// Positions and parser bookkeeping: never edited by a step, never compared.
const SKIPPED = new Set(["loc", "start", "end", "range", "tokens", "errors"]);

/** True when a field is as it was, or went from absent to a default (ast-types fills `optional: false`, `assertions: []` or a regex literal's `value` in on reading), which prints the same. */
function sameValue(was: unknown, now: unknown, existed: boolean): boolean {
  return was === now || (!existed && (now === false || now === null || now === undefined || (Array.isArray(now) && now.length === 0) || isRegexDefault(now)));
}

// ast-types fills a regex literal's `value` (a RegExp) and `regex` ({ pattern, flags }) in: they print as the literal's own pattern and flags.
function isRegexDefault(value: unknown): boolean {
  return value instanceof RegExp || (typeof value === "object" && value !== null && "pattern" in value && "flags" in value && !("type" in value));
}

function isNode(value: unknown): value is Node & { start: number; end: number } {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}

/** Records the fields of every node under `root`: one walk, references and primitives only. */
export function snapshotTree(root: object): Snapshot {
  const snapshot: Snapshot = new Map();
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    // Babel shares comment nodes between the nodes they sit beside.
    if (snapshot.has(node)) continue;
    // Object.values reads every field in one call: a keyed read per field costs more on babel's many node shapes.
    const values: unknown[] = Object.values(node);
    snapshot.set(node, { keys: Object.keys(node), values });
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (Array.isArray(value)) {
        values[i] = value.slice();
        for (const item of value) if (isNode(item)) stack.push(item);
      } else if (isNode(value)) {
        stack.push(value);
      }
    }
  }
  return snapshot;
}

/**
 * Calls `each(key, was, now, existed)` for every compared field of `node` (the snapshot's keys and any
 * added since); stops and returns false as soon as `each` does.
 */
function everyField(node: object, before: Fields, each: (key: string, was: unknown, now: unknown, existed: boolean) => boolean): boolean {
  const keys = Object.keys(node);
  let sameKeys = keys.length === before.keys.length;
  for (let i = 0; sameKeys && i < keys.length; i++) sameKeys = keys[i] === before.keys[i];
  if (sameKeys) {
    const values = Object.values(node);
    for (let i = 0; i < keys.length; i++) {
      if (!SKIPPED.has(keys[i]) && !each(keys[i], before.values[i], values[i], true)) return false;
    }
    return true;
  }
  const current = node as Record<string, unknown>;
  for (let i = 0; i < before.keys.length; i++) {
    const key = before.keys[i];
    if (!SKIPPED.has(key) && !each(key, before.values[i], current[key], true)) return false;
  }
  for (const key of keys) {
    if (!SKIPPED.has(key) && !before.keys.includes(key) && !each(key, undefined, current[key], false)) return false;
  }
  return true;
}

/** One slot of an original node that now holds another node. */
interface SlotEdit {
  kind: "slot";
  parent: Node;
  key: string;
  old: Node & { start: number; end: number };
  next: Node;
}

type Positioned = Node & { start: number; end: number };

/** New statements put between two original ones (or before the first, after the last) of a block or the program. */
interface InsertEdit {
  kind: "insert";
  list: Positioned;
  key: string;
  nodes: Node[];
  before: Positioned | null;
  after: Positioned | null;
  /** The text the new statements go in place of: the whitespace between their neighbours. */
  start: number;
  end: number;
}

type Edit = SlotEdit | InsertEdit;

const startOf = (edit: Edit): number => (edit.kind === "slot" ? edit.old.start : edit.start);
const endOf = (edit: Edit): number => (edit.kind === "slot" ? edit.old.end : edit.end);

/** How recast lays out the lines of new code in this file: its guess of the indent width, or tabs. */
export interface PrintLayout {
  tabWidth: number;
  useTabs: boolean;
}

export type Declined = { ok: false; reason: string };

// Statement lists recast reprints by one rule when they grow (printStatementSequence): those the splice printer can insert into.
const STATEMENT_LISTS = new Set(["Program.body", "BlockStatement.body", "SwitchCase.consequent"]);

/**
 * The insertions that turn the list `was` into `now`, when `now` is `was` in order with new statements
 * put between: each run of new statements becomes one edit of the whitespace between its neighbours.
 */
function insertionsInto(list: Positioned, key: string, was: unknown[], now: unknown[], snapshot: Snapshot, source: string): { ok: true; edits: InsertEdit[] } | Declined {
  const edits: InsertEdit[] = [];
  let w = 0;
  let run: Node[] = [];
  const closeRun = (after: Positioned | null): Declined | null => {
    if (run.length === 0) return null;
    const before = w > 0 ? (was[w - 1] as Positioned) : null;
    // The program takes new statements at its start (imports) but not after its last statement.
    if (list.type === "Program" && !after) return { ok: false, reason: "new statements at the end of the file" };
    if (!before && !after) return { ok: false, reason: "new statements in an empty block" };
    let start = before ? before.end : list.type === "BlockStatement" ? list.start + 1 : list.start;
    if (list.type === "SwitchCase" && !before) {
      // At the start of a case: right after the colon of `case x:` (or `default:`).
      const from = (list.test as Positioned | null)?.end ?? list.start;
      const colon = source.indexOf(":", from);
      if (colon < 0 || !/^(\s*|default\s*)$/.test(source.slice(from, colon))) return { ok: false, reason: "new statements at the start of a case whose colon cannot be found" };
      start = colon + 1;
    }
    // After a case's last statement nothing of the case follows: the new statements go right after it.
    const end = after ? after.start : list.type === "SwitchCase" ? start : list.end - 1;
    edits.push({ kind: "insert", list, key, nodes: run, before, after, start, end });
    run = [];
    return null;
  };
  for (const item of now) {
    if (w < was.length && item === was[w]) {
      const closed = closeRun(item as Positioned);
      if (closed) return closed;
      w++;
    } else if (isNode(item) && !snapshot.has(item)) {
      run.push(item);
    } else {
      return { ok: false, reason: `the list ${list.type}.${key} lost or moved a statement` };
    }
  }
  if (w < was.length) return { ok: false, reason: `the list ${list.type}.${key} lost a statement` };
  const closed = closeRun(null);
  return closed ?? { ok: true, edits };
}

/** The slots that changed, or why the tree cannot be spliced. */
function changedSlots(root: object, snapshot: Snapshot, source: string): { ok: true; edits: Edit[] } | Declined {
  const edits: Edit[] = [];
  let declined: string | null = null;
  const compare = (parent: Node, key: string, was: unknown, now: unknown): boolean => {
    if (was === now) return isNode(now) ? visit(now, parent, key) : true;
    if (isNode(was) && isNode(now) && typeof was.start === "number" && typeof was.end === "number") {
      edits.push({ kind: "slot", parent, key, old: was, next: now });
      return true;
    }
    declined = `${parent.type}.${key} changed in place`;
    return false;
  };
  // A node whose own list (properties, arguments) grew or shrank: recast reprints it whole, and so is it printed here.
  let regrown: Node | null = null;
  const field = (node: Node, key: string, was: unknown, now: unknown, existed: boolean): boolean => {
    if (Array.isArray(was) && Array.isArray(now)) {
      if (was.length !== now.length) {
        if (!STATEMENT_LISTS.has(`${node.type}.${key}`) || typeof node.start !== "number") {
          regrown = node;
          declined = `the list ${node.type}.${key} changed length`;
          return false;
        }
        const grown = insertionsInto(node as Positioned, key, was, now, snapshot, source);
        if (!grown.ok) {
          declined = grown.reason;
          return false;
        }
        edits.push(...grown.edits);
        return was.every((statement) => visit(statement as Node, node, key));
      }
      for (let i = 0; i < was.length; i++) if (!compare(node, key, was[i], now[i])) return false;
      return true;
    }
    if (sameValue(was, now, existed)) return isNode(now) ? visit(now, node, key) : true;
    if (Array.isArray(was) || Array.isArray(now)) {
      declined = `the list ${node.type}.${key} changed length`;
      return false;
    }
    return compare(node, key, was, now);
  };
  const visit = (node: Node, parent: Node | null, slot: string): boolean => {
    const before = snapshot.get(node)!;
    if (parent && isUnshorthanded(node, before)) {
      // `{ count }` became `count: <new value>`: the whole property is printed anew.
      edits.push({ kind: "slot", parent, key: slot, old: node as SlotEdit["old"], next: { ...node } });
      return true;
    }
    const mark = edits.length;
    if (compareFields(node, before)) return true;
    if (regrown !== node || !parent || typeof node.start !== "number") return false;
    // Printed anew as a copy (not the snapshot's node): its children are taken as text, their own changes spliced in.
    regrown = null;
    declined = null;
    edits.length = mark;
    edits.push({ kind: "slot", parent, key: slot, old: node as SlotEdit["old"], next: { ...node } });
    return true;
  };
  const compareFields = (node: Node, before: Fields): boolean => {
    const keys = Object.keys(node);
    if (keys.length === before.keys.length && keys.every((key, i) => key === before.keys[i])) {
      // The common case, without a call per field: a field that is as it was needs no look-up in SKIPPED (positions are primitives, `loc` is no node).
      const values = Object.values(node);
      for (let i = 0; i < keys.length; i++) {
        const now = values[i];
        if (now === before.values[i]) {
          if (isNode(now) && !visit(now, node, keys[i])) return false;
        } else if (!SKIPPED.has(keys[i]) && !field(node, keys[i], before.values[i], now, true)) {
          return false;
        }
      }
      return true;
    }
    return everyField(node, before, (key, was, now, existed) => field(node, key, was, now, existed));
  };
  visit(root as Node, null, "");
  return declined ? { ok: false, reason: declined } : { ok: true, edits };
}

/** True for an object property that was `{ name }` and now is not shorthand, its other fields but the value as they were. */
function isUnshorthanded(node: Node, before: Fields): boolean {
  if (node.type !== "ObjectProperty" || node.shorthand !== false || before.values[before.keys.indexOf("shorthand")] !== true) return false;
  return everyField(node, before, (key, was, now, existed) => key === "shorthand" || key === "value" || sameValue(was, now, existed));
}

/**
 * The text recast prints for a node of the file no step has changed: its own text, later lines less the
 * indentation of the line it starts on. Null where recast would print it otherwise: comments (printed with
 * the node), tabs or trailing blanks in its lines (rewritten), a later line indented less than the first.
 */
function pristineText(node: unknown, snapshot: Snapshot, source: string): string | null {
  if (!isNode(node) || !snapshot.has(node) || typeof node.start !== "number" || typeof node.end !== "number") return null;
  if (hasOwnComments(node) || !unchangedSince(node, snapshot)) return null;
  const [first, ...later] = source.slice(node.start, node.end).split("\n");
  if (later.length === 0) return first;
  const indent = lineIndentAt(source, node.start);
  if (indent.includes("\t") || /[ \t]\n|\n\t/.test(`${first}\n${later.join("\n")}\n`)) return null;
  if (later.some((line) => line !== "" && !line.startsWith(indent))) return null;
  return [first, ...later.map((line) => line.slice(indent.length))].join("\n");
}

/** True when an original node lies below `node`, a node a step built or parsed from a snippet. */
function holdsOriginal(node: Node, snapshot: Snapshot): boolean {
  for (const key of Object.keys(node)) {
    if (SKIPPED.has(key) || key === "original") continue;
    const value = node[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child) && (snapshot.has(child) || holdsOriginal(child, snapshot))) return true;
    }
  }
  return false;
}

/**
 * What a step printing `node` on a plain tree must use (StepContext.fileText): recast's text for an
 * original node, null when only recast can tell (an edited original, or new code around originals),
 * undefined for code that holds nothing of the file.
 */
export function fileTextOf(node: unknown, snapshot: Snapshot, source: string): string | null | undefined {
  if (!isNode(node)) return undefined;
  if (snapshot.has(node)) return pristineText(node, snapshot, source);
  return holdsOriginal(node, snapshot) ? null : undefined;
}

/** True when no field of `node` or of any node below it changed since the snapshot. */
function unchangedSince(node: object, snapshot: Snapshot): boolean {
  const before = snapshot.get(node);
  if (!before) return false;
  return everyField(node, before, (_key, was, now, existed) => {
    if (Array.isArray(was) && Array.isArray(now)) {
      if (was.length !== now.length) return false;
      for (let i = 0; i < was.length; i++) if (was[i] !== now[i] || (isNode(now[i]) && !unchangedSince(now[i] as object, snapshot))) return false;
      return true;
    }
    return sameValue(was, now, existed) && (!isNode(now) || unchangedSince(now, snapshot));
  });
}

// Slots where any expression but a sequence reads the same without parentheses.
const OPEN_SLOTS = new Set([
  "ExpressionStatement.expression",
  "ObjectProperty.value",
  "ArrayExpression.elements",
  "CallExpression.arguments",
  "NewExpression.arguments",
  "OptionalCallExpression.arguments",
  "VariableDeclarator.init",
  "ReturnStatement.argument",
  "AssignmentExpression.right",
  "TemplateLiteral.expressions",
]);

// Slots that hold statements, which never take parentheses.
const STATEMENT_SLOTS = new Set(["Program.body", "BlockStatement.body", "SwitchCase.consequent", "StaticBlock.body", "TSModuleBlock.body"]);

const isStatement = (node: Node): boolean => node.type.endsWith("Statement") || node.type.endsWith("Declaration");

// Nodes that never need parentheses, except as the callee of `new`.
const ATOMIC = new Set(["Identifier", "CallExpression", "MemberExpression", "StringLiteral", "NumericLiteral", "BooleanLiteral", "NullLiteral", "TemplateLiteral", "ArrayExpression"]);

/** True when `next` reads the same in the slot without parentheses of its own. */
function fitsWithoutParens(edit: SlotEdit): boolean {
  if (STATEMENT_SLOTS.has(`${edit.parent.type}.${edit.key}`)) return true;
  // A statement in place of a statement (an `if` branch, a loop body), or a block as an arrow's body.
  if (isStatement(edit.old) && isStatement(edit.next)) return true;
  if (edit.next.type === "BlockStatement" && edit.key === "body" && edit.parent.type === "ArrowFunctionExpression") return true;
  if (edit.next.type === "SequenceExpression") return false;
  if (edit.next.type === "ObjectProperty") return edit.old.type === "ObjectProperty";
  if (OPEN_SLOTS.has(`${edit.parent.type}.${edit.key}`)) {
    // An expression statement cannot start with `{`, `function` or `class`.
    return !(edit.key === "expression" && ["ObjectExpression", "FunctionExpression", "ClassExpression"].includes(edit.next.type));
  }
  return ATOMIC.has(edit.next.type) && !(edit.parent.type === "NewExpression" && edit.key === "callee");
}

/** The indentation of the line `at` lies on, or null when something else precedes `at` on that line. */
function indentBefore(source: string, at: number): string | null {
  const prefix = source.slice(source.lastIndexOf("\n", at - 1) + 1, at);
  return /^[ \t]*$/.test(prefix) ? prefix : null;
}

/** The leading blanks of the line `at` lies on, whatever follows them (recast's `loc.indent`). */
function lineIndentAt(source: string, at: number): string {
  const lineStart = source.lastIndexOf("\n", at - 1) + 1;
  let end = lineStart;
  while (source[end] === " " || source[end] === "\t") end++;
  return source.slice(lineStart, end);
}

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/** The whitespace right before `at`, and right after it: scanned, not sliced off the whole file. */
function spaceBefore(source: string, at: number): string {
  let start = at;
  while (isSpace(source[start - 1])) start--;
  return source.slice(start, at);
}

function spaceAfter(source: string, at: number): string {
  let end = at;
  while (isSpace(source[end])) end++;
  return source.slice(at, end);
}

const lineBreaks = (text: string): number => text.split("\n").length - 1;

const PLACEHOLDER_BASE = 0xe000;

/** A placeholder of exactly `length` characters (at least 1), unique for `index`: private-use characters. */
function placeholder(index: number, length: number): string {
  return String.fromCharCode(PLACEHOLDER_BASE + index) + "\uf8ff".repeat(Math.max(0, length - 1));
}

/** What printing the changes of one file needs. */
interface Splicing {
  source: string;
  snapshot: Snapshot;
  print: PrintNode;
  layout: () => PrintLayout;
  comments: { start: number; end: number }[];
}

/**
 * The new node with every original node below it swapped for a placeholder of its first line's length
 * (copies only along the way to them: a node parsed from a snippet keeps its identity, so recast
 * prints it from the snippet's text as it would in the file); null when one of them cannot be printed so.
 */
function withPlaceholders(node: Node, ctx: Splicing, reused: Reused[]): Node | null {
  const { snapshot } = ctx;
  // `first`/`last`: where the child stands in its list, which decides whether the space before or after it matters.
  const swap = (child: unknown, first = true, last = true): unknown => {
    if (!isNode(child)) return child;
    if (snapshot.has(child)) {
      if (typeof child.start !== "number") throw new Error("original without position");
      // recast keeps a moved node's own parentheses, which lie outside its range: leave those to it.
      if ((child.extra as { parenthesized?: boolean } | undefined)?.parenthesized) throw new Error("parenthesized original");
      // An original edited below (an emit both awaited and missing its workspace target): its own changes spliced into its text.
      const edited = unchangedSince(child, snapshot) ? null : applyEdits(ctx, child, child.start, child.end);
      if (edited && !edited.ok) throw new Error(edited.reason);
      const text = edited ? edited.text : ctx.source.slice(child.start, child.end);
      const line = (child.loc as { start: { line: number } } | undefined)?.start.line ?? -1;
      const width = text.split("\n", 1)[0].length;
      if (isStatement(child) && text.endsWith(";")) {
        // A statement moved into a new block (`if (x) return f();` braced): it stands as `<mark>;`. recast spaces it by the
        // lines around it in the file, a new statement by one: the same where at most one line break came before and one after.
        const before = lineBreaks(spaceBefore(ctx.source, child.start));
        const after = lineBreaks(spaceAfter(ctx.source, child.end));
        if ((!last && after !== 1) || (!first && before > 1)) throw new Error("moved statement spaced otherwise");
        const name = placeholder(reused.length, width - 1);
        reused.push({ text, mark: `${name};`, line });
        return { type: "ExpressionStatement", expression: { type: "Identifier", name } };
      }
      const mark = placeholder(reused.length, width);
      reused.push({ text, mark, line });
      return { type: "Identifier", name: mark };
    }
    const inner = withPlaceholders(child, ctx, reused);
    if (!inner) throw new Error("changed original");
    return inner;
  };
  let copy: Node | null = null;
  for (const key of Object.keys(node)) {
    if (SKIPPED.has(key) || key === "original") continue;
    const value = node[key];
    let swapped: unknown;
    try {
      if (Array.isArray(value)) {
        const items = value.map((item, i) => swap(item, i === 0, i === value.length - 1));
        swapped = items.some((item, i) => item !== value[i]) ? items : value;
      } else {
        swapped = swap(value);
      }
    } catch {
      return null;
    }
    if (swapped !== value) (copy ??= { ...node })[key] = swapped;
  }
  // recast reprints a snippet-parsed node from the snippet's text only while its children are the snippet's own.
  if (copy && (node.original !== undefined || (node.loc as { lines?: unknown } | undefined)?.lines !== undefined)) return null;
  return copy ?? node;
}

/** recast's `Lines` of a snippet it parsed: the text, and a range of it. */
interface SnippetLines {
  toString(): string;
  slice(start: unknown, end: unknown): { toString(): string };
}

const isEmptyValue = (value: unknown) => value === undefined || value === null || value === false || (Array.isArray(value) && value.length === 0);

/**
 * True when `now` (a node in a snippet's place, or one of its children) is still what recast parsed from
 * the snippet (`was`): the same code, nodes of the file standing where the snippet has their very text.
 * recast then finds nothing to reprint and prints the snippet's own text.
 */
function sameAsSnippet(now: Node, was: Node, snapshot: Snapshot, source: string, snippet: string): boolean {
  if (snapshot.has(now)) {
    if (typeof now.start !== "number" || typeof was.start !== "number" || hasOwnComments(now) || !unchangedSince(now, snapshot)) return false;
    return source.slice(now.start, now.end as number) === snippet.slice(was.start, was.end as number);
  }
  if (now.type !== was.type || hasOwnComments(now)) return false;
  if ((now.extra as { parenthesized?: boolean } | undefined)?.parenthesized !== (was.extra as { parenthesized?: boolean } | undefined)?.parenthesized) return false;
  const same = (a: unknown, b: unknown): boolean => {
    if (isNode(a) || isNode(b)) return isNode(a) && isNode(b) && sameAsSnippet(a, b, snapshot, source, snippet);
    return a === b || (isEmptyValue(a) && isEmptyValue(b));
  };
  for (const key of new Set([...Object.keys(now), ...Object.keys(was)])) {
    if (SKIPPED.has(key) || key === "original" || key === "extra" || key === "comments") continue;
    const a = now[key];
    const b = was[key];
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length || !a.every((item, i) => same(item, b[i]))) return false;
    } else if (!same(a, b)) {
      return false;
    }
  }
  return true;
}

/**
 * The text of a node a step parsed from a snippet laid out from the file's own text (an array or object
 * with elements added, kept elements being the file's nodes), when recast would print just that text;
 * null otherwise. Such a snippet carries the file's indentation already.
 */
function snippetOwnText(node: Node, snapshot: Snapshot, source: string): string | null {
  const original = node.original as Node | undefined;
  const loc = original?.loc as { start: unknown; end: unknown; lines?: SnippetLines } | undefined;
  if (!original || !loc?.lines) return null;
  const snippet = loc.lines.toString();
  if (snippet.includes("//") || snippet.includes("/*")) return null;
  return sameAsSnippet(node, original, snapshot, source, snippet) ? loc.lines.slice(loc.start, loc.end).toString() : null;
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$]/;

/** An original node swapped for a placeholder while the new code around it is printed. */
interface Reused {
  text: string;
  mark: string;
  line: number;
}

/**
 * `printed` with each placeholder replaced by the original code it stands for; declined when one was
 * printed other than once, or when `refuse` names a reason against the original at its place.
 */
function putOriginalsBack(printed: string, reused: Reused[], refuse?: (entry: Reused, at: number) => string | null): { ok: true; text: string } | Declined {
  let text = printed;
  for (const entry of reused) {
    const at = text.indexOf(entry.mark);
    if (at < 0 || text.indexOf(entry.mark, at + 1) >= 0) return { ok: false, reason: "an original node was printed other than once" };
    const reason = refuse?.(entry, at);
    if (reason) return { ok: false, reason };
    text = text.slice(0, at) + entry.text + text.slice(at + entry.mark.length);
  }
  return { ok: true, text };
}

/** Prints a node a step built (recast's printer with the run's quote style and the file's layout). */
export type PrintNode = (node: Node, layout: () => PrintLayout) => string;

/** The text for one changed slot, or why it cannot be printed here. */
function slotText(edit: SlotEdit, ctx: Splicing): { ok: true; text: string } | Declined {
  const { source, snapshot, print, layout } = ctx;
  if (!fitsWithoutParens(edit)) return { ok: false, reason: `a ${edit.next.type} in ${edit.parent.type}.${edit.key} may need parentheses` };
  const own = snippetOwnText(edit.next, snapshot, source);
  if (own !== null) return { ok: true, text: own };
  const reused: Reused[] = [];
  const stand = withPlaceholders(edit.next, ctx, reused);
  if (!stand) return { ok: false, reason: "an original node moved into new code was edited too, or is parenthesized, or sits in code parsed from a snippet" };
  const printed = print(stand, layout);
  // recast lays new code out around the lines of the originals it holds: a placeholder stands for one line only.
  if (printed.includes("\n") && reused.some((r) => r.text.includes("\n"))) return { ok: false, reason: "new code of several lines holds a multi-line original node" };
  // As recast patches a replaced node: its later lines are indented by the line the old node starts on.
  const lineIndent = lineIndentAt(source, edit.old.start);
  let text = printed.split("\n").map((line, i) => (i === 0 || line === "" ? line : lineIndent + line)).join("\n");
  const firstLineEnd = text.includes("\n") ? text.indexOf("\n") : text.length;
  const oldLine = (edit.old.loc as { start: { line: number } } | undefined)?.start.line;
  // A multi-line original keeps its lines as they are only where it starts on the line the replaced code started on.
  const restored = putOriginalsBack(text, reused, ({ text: original, line }, at) => (original.includes("\n") && (line !== oldLine || at > firstLineEnd) ? "a multi-line original node moved to another line" : null));
  if (!restored.ok) return restored;
  text = restored.text;
  // As recast does: a space keeps the new code from fusing with a neighbouring word.
  if (IDENTIFIER_CHAR.test(source[edit.old.start - 1] ?? "") && IDENTIFIER_CHAR.test(text[0] ?? "")) text = ` ${text}`;
  if (IDENTIFIER_CHAR.test(source[edit.old.end] ?? "") && IDENTIFIER_CHAR.test(text[text.length - 1] ?? "")) text = `${text} `;
  return { ok: true, text };
}


/**
 * Where the comments start in the space between two statements, when recast prints them as they are
 * (as the next statement's leading comments): each starting a line at the statements' indentation, the
 * next one or the statement right on the line below it; blank lines only before the first. Null otherwise.
 */
function commentedGap(gap: string, indent: string): number | null {
  const first = /^\n+/.exec(gap);
  if (!first || !gap.startsWith(indent, first[0].length)) return null;
  const at = first[0].length + indent.length;
  const escaped = indent.replace(/\t/g, "\\t");
  const comments = new RegExp(`^(?:(?://[^\\n]*|/\\*[\\s\\S]*?\\*/)\\n${escaped})+$`);
  return comments.test(gap.slice(at)) ? at : null;
}

/**
 * True when recast, reprinting `list` because it grew, would write its original statements and the
 * space between them as they are: one indentation, no blank line after `{` or before `}`, blank lines
 * holding nothing. Elsewhere recast would rewrite bytes the steps did not touch, and the file is left to it.
 */
function reprintsAsIs(list: Positioned, key: string, source: string, snapshot: Snapshot, covered: InsertEdit[]): boolean {
  const statements = (list[key] as Positioned[]).filter((statement) => snapshot.has(statement));
  const indents = new Set(statements.map((statement) => indentBefore(source, statement.start)));
  if (indents.size > 1 || indents.has(null)) return false;
  const isCovered = (start: number, end: number) => covered.some((edit) => edit.start === start && edit.end === end);
  const indent = [...indents][0] ?? "";
  const plainGap = (start: number, end: number, blankLines: boolean) => {
    if (isCovered(start, end)) return true;
    const gap = source.slice(start, end);
    if (!/^\s*$/.test(gap)) return blankLines && commentedGap(gap, indent) !== null;
    return (blankLines ? /^\n+[ \t]*$/ : /^\n[ \t]*$/).test(gap);
  };
  for (let i = 1; i < statements.length; i++) if (!plainGap(statements[i - 1].end, statements[i].start, true)) return false;
  if (statements.length === 0) return true;
  if (list.type === "SwitchCase") {
    // recast writes `case x:` then the statements from the next line.
    const colon = source.indexOf(":", (list.test as Positioned | null)?.end ?? list.start);
    return colon >= 0 && plainGap(colon + 1, statements[0].start, false);
  }
  if (list.type !== "BlockStatement") return true;
  return plainGap(list.start + 1, statements[0].start, false) && plainGap(statements[statements.length - 1].end, list.end - 1, false);
}

/** recast's line breaks wanted before and after a new statement: a snippet's own, else one line (two beside a statement of several lines). */
function statementSpace(node: Node, printed: string): { leading: number; trailing: number } {
  type Position = { line: number; column: number };
  const loc = node.loc as { start?: Position; end?: Position; lines?: { length: number; skipSpaces(at: Position, backward?: boolean): Position | null } } | null | undefined;
  if (loc?.lines && loc.start && loc.end) {
    const before = loc.lines.skipSpaces(loc.start, true);
    const after = loc.lines.skipSpaces(loc.end);
    return { leading: loc.start.line - (before ? before.line : 1), trailing: (after ? after.line : loc.lines.length) - loc.end.line };
  }
  const space = printed.includes("\n") ? 2 : 1;
  return { leading: space, trailing: space };
}

/**
 * The text of new statements with the space around them, laid out as recast lays out a statement list:
 * each on its own line at its neighbours' indentation; between two statements the larger of the
 * original gap and one line (a blank line beside a statement of several lines).
 */
function insertText(edit: InsertEdit, ctx: Splicing): { ok: true; text: string } | Declined {
  const { source, print, layout } = ctx;
  const caseEnd = edit.list.type === "SwitchCase" && !edit.after;
  // After a case's last statement, the space recast counts runs to whatever follows the case.
  let gap = caseEnd ? spaceAfter(source, edit.start) : source.slice(edit.start, edit.end);
  // The next statement's own comments stay above it: the new statements go before them.
  let keptComments = "";
  if (!/^\s*$/.test(gap)) {
    const at = edit.after && edit.before ? commentedGap(gap, indentBefore(source, edit.after.start) ?? "") : null;
    if (at === null) return { ok: false, reason: "a comment lies where the new statements go" };
    keptComments = gap.slice(at);
    gap = gap.slice(0, at);
  }
  const gapLines = lineBreaks(gap);
  const atFileStart = !edit.before && edit.list.type === "Program";
  if (gapLines === 0 && !atFileStart) return { ok: false, reason: "the new statements go between statements that share a line" };
  const indent = indentBefore(source, (edit.after ?? edit.before)!.start);
  if (indent === null || (edit.before && edit.after && indentBefore(source, edit.before.start) !== indent)) {
    return { ok: false, reason: "the statements beside the new ones do not start their lines at one indentation" };
  }
  const printed: string[] = [];
  for (const node of edit.nodes) {
    const reused: Reused[] = [];
    const stand = withPlaceholders(node, ctx, reused);
    if (!stand) return { ok: false, reason: "an original node moved into new code was edited too, or is parenthesized, or sits in code parsed from a snippet" };
    if (reused.some((r) => r.text.includes("\n"))) return { ok: false, reason: "new code of several lines holds a multi-line original node" };
    const restored = putOriginalsBack(print(stand, layout), reused);
    if (!restored.ok) return restored;
    // recast indents a statement's later lines by its place in the file; a blank line stays empty.
    printed.push(restored.text.split("\n").map((line, i) => (i === 0 || line === "" ? line : indent + line)).join("\n"));
  }
  const spaces = edit.nodes.map((node, i) => statementSpace(node, printed[i]));
  const lineBreaksBetween = (...counts: number[]): string | null => {
    const most = Math.max(...counts);
    return most > 0 ? "\n".repeat(most) : null;
  };
  // After a statement: the larger gap; after a block's `{` or a case's colon: one line break; at the start of the file: none.
  let out = edit.before ? lineBreaksBetween(gapLines, spaces[0].leading) : atFileStart ? "" : "\n";
  for (let i = 0; out !== null && i < printed.length; i++) {
    out += indent + printed[i];
    if (i < printed.length - 1) {
      const between = lineBreaksBetween(spaces[i].trailing, spaces[i + 1].leading);
      out = between === null ? null : out + between;
    }
  }
  if (out === null) return { ok: false, reason: "recast would print two new statements on one line" };
  if (edit.after) return { ok: true, text: out + lineBreaksBetween(spaces[spaces.length - 1].trailing, gapLines)! + indent + keptComments };
  if (caseEnd) return { ok: true, text: out };
  const braceIndent = indentBefore(source, edit.end);
  if (braceIndent === null) return { ok: false, reason: "the block's closing brace does not start its line" };
  return { ok: true, text: `${out}\n${braceIndent}` };
}

/**
 * The file's text with each changed slot's old range replaced by its new code and new statements put
 * in place, or why it cannot be. `root` is the babel `File` the steps edited, `snapshot` taken before
 * they ran, `print` prints a node that has no source, `layout` is how recast lays out this file.
 */
export function spliceChanges(source: string, root: object, snapshot: Snapshot, print: PrintNode, layout: () => PrintLayout): { ok: true; text: string } | Declined {
  if (/[\ue000-\uf8ff]/.test(source)) return { ok: false, reason: "the file holds private-use characters" };
  // The engine restores line endings around recast's output, in which U+2028/U+2029 are line breaks.
  if (/[\u2028\u2029]/.test(source)) return { ok: false, reason: "the file holds U+2028/U+2029 line separators" };
  const comments = ((root as { comments?: { start: number; end: number }[] }).comments ?? []).filter((c) => typeof c.start === "number");
  let fileLayout: PrintLayout | null = null;
  const ctx: Splicing = { source, snapshot, print, layout: () => (fileLayout ??= layout()), comments };
  return applyEdits(ctx, root, 0, source.length);
}

/** The text of `source[start, end)`, which `root` spans, with the changes below `root` spliced in. */
function applyEdits(ctx: Splicing, root: object, start: number, end: number): { ok: true; text: string } | Declined {
  const { source, snapshot, comments } = ctx;
  const slots = changedSlots(root, snapshot, source);
  if (!slots.ok) return slots;
  const edits = [...slots.edits].sort((a, b) => startOf(a) - startOf(b));
  const inserts = edits.filter((edit): edit is InsertEdit => edit.kind === "insert");
  for (const edit of inserts) {
    const list = edit.list;
    if (!reprintsAsIs(list, edit.key, source, snapshot, inserts)) return { ok: false, reason: `recast would reprint the ${list.type === "Program" ? "file" : list.type === "SwitchCase" ? "case" : "block"} the new statements go in` };
  }
  let out = "";
  let at = start;
  for (const edit of edits) {
    if (startOf(edit) < at) return { ok: false, reason: "two changes overlap" };
    if (edit.kind === "insert") {
      const inserted = insertText(edit, ctx);
      if (!inserted.ok) return inserted;
      out += source.slice(at, edit.start) + inserted.text;
      at = edit.end;
      continue;
    }
    // recast prints a replaced node's own comments with it (or drops them): leave such nodes to it.
    if (hasOwnComments(edit.old)) return { ok: false, reason: "the replaced code carries comments of its own" };
    // A comment inside the replaced range survives only inside an original node the new code keeps.
    const kept = collectKept(edit.next, snapshot);
    const lost = comments.some((c) => c.start >= edit.old.start && c.end <= edit.old.end && !kept.some((k) => c.start >= k.start && c.end <= k.end));
    if (lost) return { ok: false, reason: "a comment lies inside the replaced code" };
    const printed = slotText(edit, ctx);
    if (!printed.ok) return printed;
    out += source.slice(at, edit.old.start) + printed.text;
    at = endOf(edit);
  }
  return { ok: true, text: out + source.slice(at, end) };
}

/** The source ranges of the original nodes a new node keeps (their comments travel with them). */
function collectKept(node: Node, snapshot: Snapshot): { start: number; end: number }[] {
  if (snapshot.has(node)) return typeof node.start === "number" ? [{ start: node.start, end: node.end as number }] : [];
  const found: { start: number; end: number }[] = [];
  for (const key of Object.keys(node)) {
    if (SKIPPED.has(key)) continue;
    const value = node[key];
    for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) found.push(...collectKept(child, snapshot));
  }
  return found;
}
