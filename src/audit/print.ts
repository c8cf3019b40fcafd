import type { Collection } from "jscodeshift";
import { indentUnit } from "./build-emit";
import type { PrintLayout } from "./splice";
import type { AuditConventions } from "./types";

/*
 * How an edited file is printed: in its own indentation. recast reads a tab as 4 columns when it
 * parses, so a tab-indented file is printed with tabs of that width; otherwise recast would write
 * the lines it reprints (the block around an inserted emit) with spaces.
 */

const RECAST_TAB_WIDTH = 4;

/** How recast lays out new lines in this file: tabs of its tab width in a tab-indented file, else the indent width recast guesses from the file. */
export function printLayout(source: string): PrintLayout {
  if (indentUnit(source) === "\t") return { tabWidth: RECAST_TAB_WIDTH, useTabs: true };
  const lines = require("recast/lib/lines") as { fromString(text: string): { guessTabWidth(): number } };
  return { tabWidth: lines.fromString(source).guessTabWidth(), useTabs: false };
}

/** The text of an edited tree, in the file's own quotes and indentation. */
export function printEdited(root: Collection, source: string, conventions: AuditConventions): string {
  if (indentUnit(source) !== "\t") return root.toSource({ quote: conventions.quote });
  const printed = root.toSource({ quote: conventions.quote, useTabs: true, tabWidth: RECAST_TAB_WIDTH } as Parameters<Collection["toSource"]>[0]);
  return retabReprintedLines(printed, source);
}

/**
 * recast bakes spaces into the first line of a reprinted block (`\t    const x`), after the tabs it
 * writes for the block's own indentation. A line the file did not hold as such, whose indentation
 * is tabs then whole tab widths of spaces, gets that indentation in tabs; lines the file holds keep theirs.
 */
export function retabReprintedLines(printed: string, source: string): string {
  const original = new Set(source.split("\n"));
  return printed
    .split("\n")
    .map((line) => {
      if (original.has(line)) return line;
      const m = /^(\t*)( +)(?=\S)/.exec(line);
      if (!m || m[2].length % RECAST_TAB_WIDTH !== 0) return line;
      return "\t".repeat(m[1].length + m[2].length / RECAST_TAB_WIDTH) + line.slice(m[0].length);
    })
    .join("\n");
}
