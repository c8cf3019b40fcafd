import type { Node } from "./ast";

/*
 * Print only what changed: the steps edit a plain @babel/parser tree; a snapshot taken before they
 * ran tells which slots now hold other nodes; each such slot's old source range is replaced by the
 * new node's printed text, and every other byte of the file stays as it was, whatever its
 * indentation. Edits this module cannot prove it prints as recast would (a list that grew or
 * shrank, a changed flag or name, comments inside a replaced range, a node parsed from other text,
 * a multi-line result) are declined with a reason, and the caller prints the file with recast.
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

/** True when a field is as it was, or went from absent to a default (ast-types fills `optional: false` or `assertions: []` in on reading), which prints the same. */
function sameValue(was: unknown, now: unknown, existed: boolean): boolean {
  return was === now || (!existed && (now === false || now === null || now === undefined || (Array.isArray(now) && now.length === 0)));
}

function isNode(value: unknown): value is Node & { start: number; end: number } {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}

/** Records the fields of every node under `root`: one walk, references and primitives only. */
export function snapshotTree(root: object): Snapshot {
  const snapshot: Snapshot = new Map();
  const visit = (node: object) => {
    if (snapshot.has(node)) return;
    const keys = Object.keys(node);
    const values: unknown[] = new Array(keys.length);
    snapshot.set(node, { keys, values });
    for (let i = 0; i < keys.length; i++) {
      const value = (node as Record<string, unknown>)[keys[i]];
      if (Array.isArray(value)) {
        values[i] = value.slice();
        for (const item of value) if (isNode(item)) visit(item);
      } else {
        values[i] = value;
        if (isNode(value)) visit(value);
      }
    }
  };
  visit(root);
  return snapshot;
}

/**
 * Calls `each(key, was, now, existed)` for every compared field of `node` (the snapshot's keys and any
 * added since); stops and returns false as soon as `each` does.
 */
function everyField(node: object, before: Fields, each: (key: string, was: unknown, now: unknown, existed: boolean) => boolean): boolean {
  const current = node as Record<string, unknown>;
  const keys = Object.keys(node);
  let sameKeys = keys.length === before.keys.length;
  for (let i = 0; sameKeys && i < keys.length; i++) sameKeys = keys[i] === before.keys[i];
  for (let i = 0; i < before.keys.length; i++) {
    const key = before.keys[i];
    if (!SKIPPED.has(key) && !each(key, before.values[i], current[key], true)) return false;
  }
  if (sameKeys) return true;
  for (const key of keys) {
    if (!SKIPPED.has(key) && !before.keys.includes(key) && !each(key, undefined, current[key], false)) return false;
  }
  return true;
}

/** One slot of an original node that now holds another node. */
interface SlotEdit {
  parent: Node;
  key: string;
  old: Node & { start: number; end: number };
  next: Node;
}

export type Declined = { ok: false; reason: string };

/** The slots that changed, or why the tree cannot be spliced. */
function changedSlots(root: object, snapshot: Snapshot): { ok: true; edits: SlotEdit[] } | Declined {
  const edits: SlotEdit[] = [];
  let declined: string | null = null;
  const compare = (parent: Node, key: string, was: unknown, now: unknown): boolean => {
    if (was === now) return isNode(now) ? visit(now, parent, key) : true;
    if (isNode(was) && isNode(now) && typeof was.start === "number" && typeof was.end === "number") {
      edits.push({ parent, key, old: was, next: now });
      return true;
    }
    declined = `${parent.type}.${key} changed in place`;
    return false;
  };
  const visit = (node: Node, parent: Node | null, slot: string): boolean => {
    const before = snapshot.get(node)!;
    if (parent && isUnshorthanded(node, before)) {
      // `{ count }` became `count: <new value>`: the whole property is printed anew.
      edits.push({ parent, key: slot, old: node as SlotEdit["old"], next: { ...node } });
      return true;
    }
    return everyField(node, before, (key, was, now, existed) => {
      if (Array.isArray(was) && Array.isArray(now)) {
        if (was.length !== now.length) {
          declined = `the list ${node.type}.${key} changed length`;
          return false;
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
    });
  };
  visit(root as Node, null, "");
  return declined ? { ok: false, reason: declined } : { ok: true, edits };
}

/** True for an object property that was `{ name }` and now is not shorthand, its other fields but the value as they were. */
function isUnshorthanded(node: Node, before: Fields): boolean {
  if (node.type !== "ObjectProperty" || node.shorthand !== false || before.values[before.keys.indexOf("shorthand")] !== true) return false;
  return everyField(node, before, (key, was, now, existed) => key === "shorthand" || key === "value" || sameValue(was, now, existed));
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

// Nodes that never need parentheses, except as the callee of `new`.
const ATOMIC = new Set(["Identifier", "CallExpression", "MemberExpression", "StringLiteral", "NumericLiteral", "BooleanLiteral", "NullLiteral", "TemplateLiteral", "ArrayExpression"]);

/** True when `next` reads the same in the slot without parentheses of its own. */
function fitsWithoutParens(edit: SlotEdit): boolean {
  if (edit.next.type === "SequenceExpression") return false;
  if (edit.next.type === "ObjectProperty") return edit.old.type === "ObjectProperty";
  if (OPEN_SLOTS.has(`${edit.parent.type}.${edit.key}`)) {
    // An expression statement cannot start with `{`, `function` or `class`.
    return !(edit.key === "expression" && ["ObjectExpression", "FunctionExpression", "ClassExpression"].includes(edit.next.type));
  }
  return ATOMIC.has(edit.next.type) && !(edit.parent.type === "NewExpression" && edit.key === "callee");
}

const PLACEHOLDER_BASE = 0xe000;

/** A placeholder of exactly `length` characters (at least 1), unique for `index`: private-use characters. */
function placeholder(index: number, length: number): string {
  return String.fromCharCode(PLACEHOLDER_BASE + index) + "\uf8ff".repeat(Math.max(0, length - 1));
}

/** The new node with every original node below it swapped for a placeholder of its first line's length; null when one of them changed. */
function withPlaceholders(node: Node, snapshot: Snapshot, source: string, reused: { text: string; mark: string; line: number }[]): Node | null {
  const copy: Node = { ...node };
  for (const key of Object.keys(copy)) {
    if (SKIPPED.has(key) || key === "original") continue;
    const value = copy[key];
    const swap = (child: unknown): unknown => {
      if (!isNode(child)) return child;
      if (snapshot.has(child)) {
        if (!unchangedSince(child, snapshot) || typeof child.start !== "number") throw new Error("changed original");
        // recast keeps a moved node's own parentheses, which lie outside its range: leave those to it.
        if ((child.extra as { parenthesized?: boolean } | undefined)?.parenthesized) throw new Error("parenthesized original");
        const text = source.slice(child.start, child.end);
        const mark = placeholder(reused.length, text.split("\n", 1)[0].length);
        reused.push({ text, mark, line: (child.loc as { start: { line: number } } | undefined)?.start.line ?? -1 });
        return { type: "Identifier", name: mark };
      }
      const inner = withPlaceholders(child, snapshot, source, reused);
      if (!inner) throw new Error("changed original");
      return inner;
    };
    try {
      copy[key] = Array.isArray(value) ? value.map(swap) : swap(value);
    } catch {
      return null;
    }
  }
  return copy;
}

/** True when a node below `node` was parsed from other text (it carries recast's copy of that text). */
function holdsParsedSnippet(node: Node, snapshot: Snapshot): boolean {
  if (snapshot.has(node)) return false;
  if (node.original !== undefined || (node.loc as { lines?: unknown } | undefined)?.lines !== undefined) return true;
  for (const key of Object.keys(node)) {
    if (SKIPPED.has(key)) continue;
    const value = node[key];
    const children = Array.isArray(value) ? value : [value];
    if (children.some((child) => isNode(child) && holdsParsedSnippet(child, snapshot))) return true;
  }
  return false;
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$]/;

/** The text for one changed slot, or why it cannot be printed here. */
function slotText(edit: SlotEdit, source: string, snapshot: Snapshot, print: (node: Node) => string): { ok: true; text: string } | Declined {
  if (!fitsWithoutParens(edit)) return { ok: false, reason: `a ${edit.next.type} in ${edit.parent.type}.${edit.key} may need parentheses` };
  if (holdsParsedSnippet(edit.next, snapshot)) return { ok: false, reason: "the new code was parsed from text" };
  const reused: { text: string; mark: string; line: number }[] = [];
  const stand = withPlaceholders(edit.next, snapshot, source, reused);
  if (!stand) return { ok: false, reason: "an original node moved into new code was edited too, or is parenthesized" };
  const printed = print(stand);
  if (printed.includes("\n")) return { ok: false, reason: "the new code prints on several lines" };
  let text = printed;
  const oldLine = (edit.old.loc as { start: { line: number } } | undefined)?.start.line;
  for (const { text: original, mark, line } of reused) {
    const at = text.indexOf(mark);
    if (at < 0 || text.indexOf(mark, at + 1) >= 0) return { ok: false, reason: "an original node was printed other than once" };
    // A multi-line original keeps its lines as they are only where it starts on the line the replaced code started on.
    if (original.includes("\n") && line !== oldLine) return { ok: false, reason: "a multi-line original node moved to another line" };
    text = text.slice(0, at) + original + text.slice(at + mark.length);
  }
  // As recast does: a space keeps the new code from fusing with a neighbouring word.
  if (IDENTIFIER_CHAR.test(source[edit.old.start - 1] ?? "") && IDENTIFIER_CHAR.test(text[0] ?? "")) text = ` ${text}`;
  if (IDENTIFIER_CHAR.test(source[edit.old.end] ?? "") && IDENTIFIER_CHAR.test(text[text.length - 1] ?? "")) text = `${text} `;
  return { ok: true, text };
}

/**
 * The file's text with each changed slot's old range replaced by its new code, or why it cannot be.
 * `root` is the babel `File` the steps edited, `snapshot` taken before they ran, `print` prints a
 * node that has no source (recast's printer with the run's quote style).
 */
export function spliceChanges(source: string, root: object, snapshot: Snapshot, print: (node: Node) => string): { ok: true; text: string } | Declined {
  if (/[\ue000-\uf8ff]/.test(source)) return { ok: false, reason: "the file holds private-use characters" };
  // The engine restores line endings around recast's output, in which U+2028/U+2029 are line breaks.
  if (/[\u2028\u2029]/.test(source)) return { ok: false, reason: "the file holds U+2028/U+2029 line separators" };
  const slots = changedSlots(root, snapshot);
  if (!slots.ok) return slots;
  const comments = ((root as { comments?: { start: number; end: number }[] }).comments ?? []).filter((c) => typeof c.start === "number");
  const edits = [...slots.edits].sort((a, b) => a.old.start - b.old.start);
  let out = "";
  let at = 0;
  for (const edit of edits) {
    if (edit.old.start < at) return { ok: false, reason: "two changes overlap" };
    // recast prints a replaced node's own comments with it (or drops them): leave such nodes to it.
    const own = ["leadingComments", "trailingComments", "innerComments"].some((k) => ((edit.old as Node)[k] as unknown[] | undefined)?.length);
    if (own) return { ok: false, reason: "the replaced code carries comments of its own" };
    // A comment inside the replaced range survives only inside an original node the new code keeps.
    const kept = collectKept(edit.next, snapshot);
    const lost = comments.some((c) => c.start >= edit.old.start && c.end <= edit.old.end && !kept.some((k) => c.start >= k.start && c.end <= k.end));
    if (lost) return { ok: false, reason: "a comment lies inside the replaced code" };
    const printed = slotText(edit, source, snapshot, print);
    if (!printed.ok) return printed;
    out += source.slice(at, edit.old.start) + printed.text;
    at = edit.old.end;
  }
  return { ok: true, text: out + source.slice(at) };
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
