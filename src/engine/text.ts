/** A source file's text as the steps see it, and what is needed to write it back the same way. */
export interface SourceText {
  /** The text without BOM; CRLF files are normalised to LF so new code matches old. */
  text: string;
  bom: boolean;
  eol: "lf" | "crlf" | "mixed";
}

export type Decoded = { ok: true; source: SourceText } | { ok: false; reason: string };

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

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
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const breaks = (text.match(/\r\n|\r|\n/g) ?? []).length;
  if (crlf > 0 && crlf === breaks) return { ok: true, source: { text: text.replace(/\r\n/g, "\n"), bom, eol: "crlf" } };
  return { ok: true, source: { text, bom, eol: crlf === 0 && !text.includes("\r") ? "lf" : "mixed" } };
}

/** The bytes to write for a step's output, with the original BOM and line endings. */
export function encodeOutput(text: string, like: Pick<SourceText, "bom" | "eol">): string {
  const body = like.eol === "crlf" ? text.replace(/\r?\n/g, "\r\n") : text;
  return like.bom ? `\ufeff${body}` : body;
}
