/** A source file's text as the steps see it, and what is needed to write it back the same way. */
export interface SourceText {
  /** The text without BOM; CRLF and lone CR are normalised to LF so new code matches old. */
  text: string;
  bom: boolean;
  eol: "lf" | "crlf" | "mixed";
  /**
   * For `mixed` files: the original terminator of each line of `text` (split at LF, U+2028, U+2029),
   * so lines the steps did not touch get their own terminator back.
   */
  terminators?: string[];
}

export type Decoded = { ok: true; source: SourceText } | { ok: false; reason: string };

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

// The line terminators of JavaScript; recast splits at all of them and joins its output with LF.
const TERMINATOR = /\r\n|\r|\n|\u2028|\u2029/g;
const NORMALISED_LINE = /\n|\u2028|\u2029/;

/** Why `decodeSource` would refuse these bytes, without building the string; null when it would accept them. */
export function undecodableReason(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return "binary content (NUL byte)";
  const { isUtf8 } = require("node:buffer") as typeof import("node:buffer");
  return isUtf8(bytes) ? null : "not valid UTF-8";
}

/** Decodes a file's bytes, refusing what is not UTF-8 text. */
export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.includes(0)) return { ok: false, reason: "binary content (NUL byte)" };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { ok: false, reason: "not valid UTF-8" };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  // Most files hold only LF: a plain scan is much cheaper than matching every terminator.
  if (!text.includes("\r") && !text.includes("\u2028") && !text.includes("\u2029")) return { ok: true, source: { text, bom, eol: "lf" } };
  const terminators = text.match(TERMINATOR) ?? [];
  if (terminators.every((t) => t === "\n")) return { ok: true, source: { text, bom, eol: "lf" } };
  if (terminators.every((t) => t === "\r\n")) return { ok: true, source: { text: text.replace(/\r\n/g, "\n"), bom, eol: "crlf" } };
  return { ok: true, source: { text: text.replace(/\r\n?/g, "\n"), bom, eol: "mixed", terminators } };
}

/** The most frequent terminator of a file (LF on a tie): what lines a step adds get. */
function dominantTerminator(terminators: string[]): string {
  const counts = new Map<string, number>();
  for (const t of terminators) counts.set(t, (counts.get(t) ?? 0) + 1);
  let best = "\n";
  for (const [t, n] of counts) if (n > (counts.get(best) ?? 0)) best = t;
  return best;
}

/**
 * Puts a mixed-ending file's terminators back: lines a line diff finds unchanged keep their own,
 * lines that replace others take those lines' terminators, wholly new lines the dominant one.
 */
function restoreTerminators(output: string, original: string, terminators: string[]): string {
  const { diffArrays } = require("diff") as typeof import("diff");
  const before = original.split(NORMALISED_LINE);
  const after = output.split("\n");
  const dominant = dominantTerminator(terminators);
  const assigned: (string | undefined)[] = [];
  let i = 0;
  let replaced: (string | undefined)[] = [];
  for (const part of diffArrays(before, after)) {
    if (part.removed) {
      replaced = terminators.slice(i, i + part.count);
      i += part.count;
    } else if (part.added) {
      for (let k = 0; k < part.count; k++) assigned.push(replaced[k]);
      replaced = [];
    } else {
      for (let k = 0; k < part.count; k++) assigned.push(terminators[i + k]);
      i += part.count;
      replaced = [];
    }
  }
  let result = "";
  for (let k = 0; k < after.length; k++) {
    result += after[k];
    if (k < after.length - 1) result += assigned[k] ?? dominant;
  }
  return result;
}

/** The bytes to write for a step's output, with the original BOM and line endings. */
export function encodeOutput(text: string, like: Pick<SourceText, "bom" | "eol"> & Partial<Pick<SourceText, "text" | "terminators">>): string {
  let body = text;
  if (like.eol === "crlf") body = text.replace(/\r?\n/g, "\r\n");
  else if (like.eol === "mixed" && like.terminators && like.text !== undefined) body = restoreTerminators(text, like.text, like.terminators);
  return like.bom ? `\ufeff${body}` : body;
}
