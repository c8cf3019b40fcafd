import type { Collection, JSCodeshift } from "jscodeshift";
import type { ParserOptions } from "@babel/parser";

export type ParserName = "ts" | "tsx";

/** `.ts`-family files cannot hold JSX (and `<T>x` casts would break a JSX parse); the rest are parsed as TSX. */
export function parserFor(file: string): ParserName {
  return /\.(ts|mts|cts)$/.test(file) ? "ts" : "tsx";
}

// jscodeshift's own TypeScript options, plus syntax newer than its list (`using`, decorator auto-accessors).
function babelOptions(parser: ParserName, tokens: boolean): ParserOptions {
  const base = require("jscodeshift/parser/tsOptions") as ParserOptions;
  const plugins = [...(base.plugins ?? []), "explicitResourceManagement"] as NonNullable<ParserOptions["plugins"]>;
  if (parser === "tsx") plugins.push("jsx");
  return { ...base, tokens, plugins };
}

let cachedJ: JSCodeshift | undefined;
const parsers = new Map<string, JSCodeshift>();

/** jscodeshift with our babel options, loaded on first use so runs that parse nothing never pay for it. */
export function jscodeshiftFor(parser: ParserName): JSCodeshift {
  const existing = parsers.get(parser);
  if (existing) return existing;
  cachedJ ??= require("jscodeshift") as JSCodeshift;
  const babel = require("@babel/parser") as typeof import("@babel/parser");
  const options = babelOptions(parser, true);
  const j = cachedJ.withParser({ parse: (source: string) => babel.parse(source, options) });
  parsers.set(parser, j);
  return j;
}

/** A recast parse: slower, but prints back untouched code byte for byte. */
export function parseForEdit(source: string, parser: ParserName): { j: JSCodeshift; root: Collection } {
  const j = jscodeshiftFor(parser);
  return { j, root: j(source) };
}

/** A plain @babel/parser parse wrapped in a Collection: enough to learn whether any step would change the file. */
export function parseForProbe(source: string, parser: ParserName): { j: JSCodeshift; root: Collection } {
  const j = jscodeshiftFor(parser);
  const babel = require("@babel/parser") as typeof import("@babel/parser");
  const ast = babel.parse(source, babelOptions(parser, false));
  return { j, root: j(ast as unknown as Parameters<JSCodeshift>[0]) };
}

/** Parses without building a Collection; throws the parser's SyntaxError. */
export function assertParses(source: string, parser: ParserName): void {
  const babel = require("@babel/parser") as typeof import("@babel/parser");
  babel.parse(source, babelOptions(parser, false));
}

/** `line:column: message` for a parser error, which carries `loc`. */
export function describeSyntaxError(error: unknown): { line: number; column: number; message: string } {
  const e = error as { loc?: { line: number; column: number }; message?: string; reasonCode?: string };
  const message = String(e.message ?? error).replace(/\s*\(\d+:\d+\)$/, "");
  return { line: e.loc?.line ?? 1, column: (e.loc?.column ?? 0) + 1, message };
}
