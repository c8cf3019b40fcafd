import type { ExpressionKind as Expression } from "ast-types/lib/gen/kinds";
import type { ArrayExpression, ObjectExpression } from "jscodeshift";
import type { Node } from "./ast";
import { sourceRange } from "./positions";
import type { StepContext } from "./types";

/*
 * Code a step writes as text and parses, so that recast prints it exactly as written. recast
 * prints a node it did not parse generically (objects always multi-line, arrays re-wrapped, a
 * trailing comma dropped); a node parsed from text carries that text with it.
 */

/** A source range `[start, end)` in the step's text. */
export interface SourceRange {
  start: number;
  end: number;
}

/** Where an element of a re-laid-out array comes from: an old element (its index), new code, or new code in an old element's place (its comments and line kept). */
export type ArraySlot = { kept: number } | { text: string } | { kept: number; text: string };

/** The text between two array elements (or after the last one), split at its comma. */
export interface ElementGap {
  /** Whitespace and comments before the comma. */
  before: string;
  comma: boolean;
  /** Everything after the comma (the whole gap when there is none). */
  after: string;
}

/** Splits a gap at its comma; null when it holds anything but whitespace, comments and one comma. */
export function splitGap(text: string): ElementGap | null {
  let comma = -1;
  let i = 0;
  while (i < text.length) {
    if (text[i] === ",") {
      if (comma >= 0) return null;
      comma = i;
      i += 1;
    } else if (/\s/.test(text[i])) {
      i += 1;
    } else if (text.startsWith("//", i)) {
      const newline = text.indexOf("\n", i);
      i = newline < 0 ? text.length : newline;
    } else if (text.startsWith("/*", i)) {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) return null;
      i = close + 2;
    } else {
      return null;
    }
  }
  return comma < 0 ? { before: "", comma: false, after: text } : { before: text.slice(0, comma), comma: true, after: text.slice(comma + 1) };
}

/** One element with what travels with it: the lines above it, and the comment after its comma. */
interface ElementUnit {
  lead: string;
  body: string;
  trail: string;
}

/**
 * The text of an array literal holding `slots`, laid out as the array at `array` was: one element
 * per line keeps one per line (indentation, trailing comma, comments above or beside each element
 * travel with it), a one-line array stays on one line. Null when the layout is not one of those.
 */
export function layoutElements(source: string, array: SourceRange, elements: SourceRange[], slots: ArraySlot[], brackets: "[]" | "{}" = "[]"): string | null {
  const [opening, closing] = brackets;
  const textOf = (slot: ArraySlot, units: ElementUnit[]) => ("text" in slot ? slot.text : units[slot.kept].body);
  if (elements.length === 0) {
    if (source.slice(array.start + 1, array.end - 1).trim() !== "") return null;
    return `${opening}${slots.map((slot) => textOf(slot, [])).join(", ")}${closing}`;
  }
  const open = source.slice(array.start + 1, elements[0].start);
  const openGap = splitGap(open);
  if (!openGap || openGap.comma) return null;
  const gaps: ElementGap[] = [];
  for (let i = 0; i < elements.length; i++) {
    const next = i + 1 < elements.length ? elements[i + 1].start : array.end - 1;
    const gap = splitGap(source.slice(elements[i].end, next));
    if (!gap || (i + 1 < elements.length && !gap.comma)) return null;
    gaps.push(gap);
  }
  const last = gaps[gaps.length - 1];
  const bodies = elements.map((element, i) => source.slice(element.start, element.end) + gaps[i].before);
  const separator = (i: number, count: number, trailingComma: boolean) => (i < count - 1 || trailingComma ? "," : "");

  if (!open.includes("\n")) {
    // One line: every gap between elements is `, ` (no comment, no line break).
    if (gaps.slice(0, -1).some((gap) => gap.after.trim() !== "" || gap.after.includes("\n"))) return null;
    const units = bodies.map((body) => ({ lead: "", body, trail: "" }));
    const space = gaps.length > 1 ? gaps[0].after : " ";
    const items = slots.map((slot) => textOf(slot, units));
    return `${opening}${open}${items.join(`,${space}`)}${last.comma ? "," : ""}${last.after}${closing}`;
  }

  // One element per line: what follows a comma up to the line break stays with the element before it.
  const leads = [open.slice(open.indexOf("\n"))];
  const trails: string[] = [];
  for (let i = 0; i < gaps.length - 1; i++) {
    const newline = gaps[i].after.indexOf("\n");
    if (newline < 0) return null;
    trails.push(gaps[i].after.slice(0, newline));
    leads.push(gaps[i].after.slice(newline));
  }
  const lastNewline = last.after.indexOf("\n");
  const lastTrail = lastNewline < 0 ? last.after.trimEnd() : last.after.slice(0, lastNewline);
  trails.push(lastTrail);
  const close = last.after.slice(lastTrail.length);
  const units = bodies.map((body, i) => ({ lead: leads[i], body, trail: trails[i] }));
  const indent = (/^[ \t]*/.exec(leads[0].slice(leads[0].lastIndexOf("\n") + 1)) as RegExpExecArray)[0];
  let text = `${opening}${open.slice(0, open.indexOf("\n"))}`;
  slots.forEach((slot, i) => {
    const unit = "kept" in slot ? { ...units[slot.kept], body: textOf(slot, units) } : { lead: `\n${indent}`, body: slot.text, trail: "" };
    text += unit.lead + unit.body + separator(i, slots.length, last.comma) + unit.trail;
  });
  return `${text}${close}${closing}`;
}

/** Source text of a node as recast prints it (its own text when it was parsed from the file). */
export function printNode(ctx: StepContext, node: unknown): string {
  const text = ctx.fileText?.(node);
  if (typeof text === "string") return text;
  return ctx.j(node as Expression).toSource({ quote: ctx.conventions.quote });
}

/** Parses one expression written as text; the node has no position (like any node a step builds). */
export function parseExpression(ctx: StepContext, text: string): Expression {
  const program = ctx.j(`[${text}]`).get().node.program as { body: Node[] };
  const element = ((program.body[0].expression as Node).elements as Node[])[0];
  element.loc = null;
  return element as unknown as Expression;
}

/** The column recast re-indents a node's continuation lines by (its `loc.indent`; plain babel trees have none). */
function indentOf(node: unknown): number {
  const loc = (node as { loc?: { indent?: number } | null }).loc;
  return loc && typeof loc.indent === "number" ? loc.indent : 0;
}

/**
 * An array literal holding `next` (old elements of `array`, by identity, and new nodes) laid out
 * as `array` was. The old elements are the same nodes, so their positions, later edits and
 * comments survive; only the punctuation and line breaks come from the rebuilt text. When the
 * layout cannot be kept (an element without source position, an unusual layout), `array` itself
 * gets the elements and recast prints it generically.
 */
export function withElements(ctx: StepContext, array: ArrayExpression, next: ArrayExpression["elements"]): ArrayExpression {
  const old = array.elements;
  // Offsets into the step's text: recast's own offsets are off in tab-indented and CR files.
  const arrayRange = sourceRange(ctx.source, array);
  const ranges = old.map((node) => sourceRange(ctx.source, node));
  const laidOut =
    arrayRange && ranges.every((r): r is SourceRange => r !== null) && next.every((el) => el !== null)
      ? layoutElements(
          ctx.source,
          arrayRange,
          ranges,
          next.map((el) => (old.includes(el) ? { kept: old.indexOf(el) } : { text: printNode(ctx, el) })),
        )
      : null;
  const snippet = laidOut === null ? null : parseArray(ctx, " ".repeat(indentOf(array)) + laidOut);
  if (!snippet || snippet.elements.length !== next.length) {
    array.elements = next;
    return array;
  }
  snippet.elements = next;
  adoptPosition(snippet, array);
  return snippet;
}

/**
 * An object literal holding `slots` (old properties of `object`, by index, and new code as text)
 * laid out as `object` was, the old properties being the very same nodes; null when the layout
 * cannot be kept (a property without source position, an unusual layout).
 */
export function withProperties(ctx: StepContext, object: ObjectExpression, slots: ArraySlot[]): ObjectExpression | null {
  const old = object.properties;
  const objectRange = sourceRange(ctx.source, object);
  const ranges = old.map((node) => sourceRange(ctx.source, node));
  if (!objectRange || !ranges.every((r): r is SourceRange => r !== null)) return null;
  const laidOut = layoutElements(ctx.source, objectRange, ranges, slots, "{}");
  const snippet = laidOut === null ? null : parseObject(ctx, `${" ".repeat(indentOf(object))}[${laidOut}]`);
  if (!snippet || snippet.properties.length !== slots.length) return null;
  // Kept properties stay the very nodes (later steps still locate them); new ones are the snippet's, offsets dropped.
  snippet.properties = slots.map((slot, i) => ("kept" in slot && !("text" in slot) ? old[slot.kept] : snippet.properties[i]));
  forgetOffsets(snippet.properties.filter((p) => !old.includes(p)));
  adoptPosition(snippet, object);
  return snippet;
}

// Inside brackets, not parentheses: recast prints a parenthesized snippet anew instead of reusing its text.
function parseObject(ctx: StepContext, text: string): ObjectExpression | null {
  const array = parseArray(ctx, text);
  const [only] = array?.elements ?? [];
  return array && array.elements.length === 1 && only?.type === "ObjectExpression" ? only : null;
}

function parseArray(ctx: StepContext, text: string): ArrayExpression | null {
  try {
    const program = ctx.j(text).get().node.program as { body: Node[] };
    const statement = program.body.length === 1 ? program.body[0] : null;
    const expression = statement?.type === "ExpressionStatement" ? (statement.expression as Node) : null;
    return expression?.type === "ArrayExpression" ? (expression as unknown as ArrayExpression) : null;
  } catch {
    return null;
  }
}

/**
 * Gives a node that replaces another the old one's place: its `loc` (so reports point at the file)
 * and its `start`/`end` (so a later step can still lay out the code around it); on a snippet node
 * also on the pristine copy recast compares it with, so reprinting still reuses the snippet text.
 */
export function takePlace(node: unknown, from: unknown): void {
  const target = node as Node;
  const source = from as Node;
  target.loc = source.loc;
  for (const key of ["start", "end"] as const) setOnBoth(target, key, source[key]);
}

function adoptPosition(node: ArrayExpression | ObjectExpression, from: ArrayExpression | ObjectExpression): void {
  takePlace(node, from);
  const comments = (from as unknown as Node).comments;
  if (Array.isArray(comments)) setComments(node, comments);
}

/** Sets a property on a node and on the pristine copy recast compares it with, so recast still reuses its text. */
function setOnBoth(node: Node, key: string, value: unknown): void {
  node[key] = value;
  const original = node.original as Node | undefined;
  if (original) original[key] = value;
}

/**
 * Gives a node these comments. recast leaves comments in place when the node that replaces another
 * carries the very same array, and reuses a snippet's text only while its pristine copy agrees.
 */
export function setComments(node: unknown, comments: unknown[]): void {
  setOnBoth(node as Node, "comments", comments);
}

/**
 * Drops the snippet's `start`/`end` offsets from every node (and recast's pristine copy), so a later
 * step in the same run never reads them as offsets into the file; `loc` stays for recast to reuse the text.
 */
export function forgetOffsets(node: unknown): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const child of node) forgetOffsets(child);
    return;
  }
  const n = node as Node;
  if (typeof n.type !== "string") return;
  for (const target of [n, n.original as Node | undefined]) {
    if (!target) continue;
    delete target.start;
    delete target.end;
  }
  for (const [key, value] of Object.entries(n)) {
    if (key !== "loc" && key !== "original" && value && typeof value === "object") forgetOffsets(value);
  }
}
