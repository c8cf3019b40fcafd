import type { Collection, JSCodeshift } from "jscodeshift";
import type { ParserOptions } from "@babel/parser";
import type { Node } from "../audit/ast";
import { printSimple } from "../audit/print-simple";
import type { PrintLayout } from "../audit/splice";

export type ParserName = "ts" | "tsx";

/** `.ts`-family files cannot hold JSX (and `<T>x` casts would break a JSX parse); the rest are parsed as TSX. */
export function parserFor(file: string): ParserName {
  return /\.(ts|mts|cts)$/.test(file) ? "ts" : "tsx";
}

/** Legacy decorators (`@dec export class`) first; 2023 decorators (`export @dec class`) only when those fail to parse. */
export type DecoratorSyntax = "legacy" | "2023";

// jscodeshift's own TypeScript options, plus syntax newer than its list (`using`, decorator auto-accessors).
export function babelOptions(parser: ParserName, tokens: boolean, decorators: DecoratorSyntax = "legacy", attachComment = true): ParserOptions {
  const base = require("jscodeshift/parser/tsOptions") as ParserOptions;
  let plugins = [...(base.plugins ?? []), "explicitResourceManagement"] as NonNullable<ParserOptions["plugins"]>;
  if (decorators === "2023") plugins = [...plugins.filter((p) => p !== "decorators-legacy"), ["decorators", {}]];
  if (parser === "tsx") plugins.push("jsx");
  return { ...base, tokens, plugins, attachComment };
}

let babelModule: typeof import("@babel/parser") | undefined;
// Built once per combination: a run parses thousands of files with the same few option sets.
const optionSets = new Map<string, ParserOptions>();

function cachedOptions(parser: ParserName, tokens: boolean, decorators: DecoratorSyntax, attachComment: boolean): ParserOptions {
  const key = `${parser}:${tokens}:${decorators}:${attachComment}`;
  let options = optionSets.get(key);
  if (!options) optionSets.set(key, (options = babelOptions(parser, tokens, decorators, attachComment)));
  return options;
}

/** Parses with legacy decorators, retrying with 2023 decorators; the first error is the one reported. */
export function babelParse(source: string, parser: ParserName, tokens: boolean, attachComment = true): ReturnType<typeof import("@babel/parser").parse> {
  const babel = (babelModule ??= require("@babel/parser") as typeof import("@babel/parser"));
  try {
    return babel.parse(source, cachedOptions(parser, tokens, "legacy", attachComment));
  } catch (legacyError) {
    if (!source.includes("@")) throw legacyError;
    try {
      return babel.parse(source, cachedOptions(parser, tokens, "2023", attachComment));
    } catch {
      throw legacyError;
    }
  }
}

let cachedJ: JSCodeshift | undefined;
const parsers = new Map<string, JSCodeshift>();

/** jscodeshift with our babel options, loaded on first use so runs that parse nothing never pay for it. */
export function jscodeshiftFor(parser: ParserName): JSCodeshift {
  const existing = parsers.get(parser);
  if (existing) return existing;
  cachedJ ??= require("jscodeshift") as JSCodeshift;
  const j = cachedJ.withParser({ parse: (source: string) => babelParse(source, parser, true) });
  parsers.set(parser, j);
  return j;
}

/** A recast parse: slower, but prints back untouched code byte for byte. */
export function parseForEdit(source: string, parser: ParserName): { j: JSCodeshift; root: Collection } {
  const j = jscodeshiftFor(parser);
  try {
    return { j, root: j(source) };
  } catch (error) {
    // recast turns U+2028/U+2029 into line breaks before parsing, which breaks a string holding one.
    if (/[\u2028\u2029]/.test(source)) throw new Error("cannot reprint this file: it holds a raw U+2028/U+2029 line separator inside a string, which recast turns into a line break");
    throw error;
  }
}

/** A plain @babel/parser parse wrapped in a Collection: enough to learn whether any step would change the file. */
export function parseForProbe(source: string, parser: ParserName): { j: JSCodeshift; root: Collection } {
  const j = jscodeshiftFor(parser);
  const ast = babelParse(source, parser, false);
  return { j, root: j(ast as unknown as Parameters<JSCodeshift>[0]) };
}

let recastModule: typeof import("recast") | undefined;

/** recast's printing of a node that has no source of its own, as a step's new code is printed (in the file's layout, for code of several lines). */
export function printNew(node: object, quote: "double" | "single", layout?: () => PrintLayout): string {
  const simple = printSimple(node as Node);
  if (simple !== null) return simple;
  recastModule ??= require("recast") as typeof import("recast");
  return recastModule.print(node as Parameters<typeof recastModule.print>[0], { quote, ...layout?.() }).code;
}

/** Parses without building a Collection; throws the parser's SyntaxError. */
export function assertParses(source: string, parser: ParserName): void {
  // Only whether it parses matters: attaching comments to nodes is 10-15% of a parse.
  babelParse(source, parser, false, false);
}

/** `line:column: message` for a parser error, which carries `loc`. */
export function describeSyntaxError(error: unknown): { line: number; column: number; message: string } {
  const e = error as { loc?: { line: number; column: number }; message?: string; reasonCode?: string };
  const message = String(e.message ?? error).replace(/\s*\(\d+:\d+\)$/, "");
  return { line: e.loc?.line ?? 1, column: (e.loc?.column ?? 0) + 1, message };
}
