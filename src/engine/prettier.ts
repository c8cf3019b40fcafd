import * as fs from "node:fs";
import * as path from "node:path";
import type { Options } from "prettier";
import { formatWrittenStatements, type FormatStatement } from "../audit/format-edits";
import type { Finding } from "../audit/types";
import { assertParses, babelParse, describeSyntaxError, parserFor } from "./parse";
import type { FileOutcome } from "./pipeline";

/*
 * `--prettier` / `format: "prettier"`: the statements a run wrote are formatted with the repo's own
 * prettier config. prettier is loaded only here, only when asked. A config that is code (a JS/TS
 * file, a shared config named by a string, plugins) is never loaded: auditmod runs no code from the
 * repository it transforms.
 */

type Prettier = typeof import("prettier");

const CODE_CONFIG = /\.(js|mjs|cjs|ts|mts|cts)$/;

/** The options a file is formatted with, and a notice when part of its config was not used. */
interface ResolvedOptions {
  options: Options;
  notice?: string;
}

/** How one file's statements are formatted (null: not at all), and what to say once about its config. */
export interface FileFormatter {
  format: FormatStatement | null;
  notice?: string;
}

/** A config file's own text says it names another config (a package or a path): loading that runs it. */
function namesSharedConfig(configFile: string): string | null {
  const text = fs.readFileSync(configFile, "utf8").replace(/^\ufeff/, "");
  const base = path.basename(configFile);
  let value: unknown;
  try {
    if (base === "package.json") value = (JSON.parse(text) as { prettier?: unknown }).prettier;
    else if (/\.toml$/.test(base)) return null;
    else if (base === "package.yaml") value = ((require("yaml") as typeof import("yaml")).parse(text) as { prettier?: unknown } | null)?.prettier;
    else value = (require("yaml") as typeof import("yaml")).parse(text);
  } catch {
    // JSON5 that YAML cannot read: a string config starts with a quote.
    const m = /^\s*(["'])(.*)\1\s*$/s.exec(text);
    value = m ? m[2] : undefined;
  }
  return typeof value === "string" ? value : null;
}

async function resolveOptions(prettier: Prettier, file: string, root: string): Promise<ResolvedOptions> {
  const configFile = await prettier.resolveConfigFile(file);
  const shown = configFile ? path.relative(root, configFile) || configFile : "";
  const defaults = (why: string): ResolvedOptions => ({ options: {}, notice: `prettier config ${shown} ${why}; auditmod does not run it: formatting with prettier's defaults` });
  if (configFile && CODE_CONFIG.test(configFile)) return defaults("is code");
  const shared = configFile ? namesSharedConfig(configFile) : null;
  if (shared !== null) return defaults(`names the shared config "${shared}", which is code`);
  const options = (await prettier.resolveConfig(file, { editorconfig: true, ...(configFile ? { config: configFile } : {}) })) ?? {};
  if (Array.isArray(options.plugins) && options.plugins.length > 0) {
    const { plugins: _plugins, ...rest } = options;
    return { options: rest, notice: `prettier config ${shown} lists plugins, which are code; auditmod does not load them: formatting without them` };
  }
  return { options };
}

/** Columns an indentation takes, tabs counted at the config's tab width. */
function columnsOf(indent: string, tabWidth: number): number {
  let columns = 0;
  for (const c of indent) columns += c === "\t" ? tabWidth : 1;
  return columns;
}

/** Formats one statement as prettier would at its indentation: the line budget shrinks by it. */
function statementFormatter(prettier: Prettier, file: string, options: Options) {
  const parser = /\.(ts|tsx|mts|cts)$/.test(file) ? "babel-ts" : "babel";
  const printWidth = options.printWidth ?? 80;
  const tabWidth = options.tabWidth ?? 2;
  return (text: string, indent: string) =>
    // Pragmas concern whole files: a statement alone never holds one, and must not get one.
    prettier.format(text, { ...options, parser, endOfLine: "lf", requirePragma: false, insertPragma: false, printWidth: Math.max(printWidth - columnsOf(indent, tabWidth), 1), rangeStart: undefined, rangeEnd: undefined });
}

/** prettier (loaded on first use) with the options resolved from the file's own config; none for a file prettier ignores. */
async function prettierFormatterFor(file: string, root: string): Promise<FileFormatter> {
  const prettier = require("prettier") as Prettier;
  const abs = path.join(root, file);
  // The ignore files prettier's CLI reads from where it runs (here: the root). `resolveConfig: false`
  // and no plugins: else getFileInfo loads the config (a JS one is run) to infer a parser.
  const info = await prettier.getFileInfo(abs, { ignorePath: [path.join(root, ".gitignore"), path.join(root, ".prettierignore")], resolveConfig: false, plugins: [] });
  if (info.ignored) return { format: null };
  let resolved: ResolvedOptions;
  try {
    resolved = await resolveOptions(prettier, abs, root);
  } catch (error) {
    return { format: null, notice: `cannot read the prettier config for ${file}: ${(error as Error).message.split("\n").join(" ")}; its statements are left as printed` };
  }
  return { format: statementFormatter(prettier, file, resolved.options), notice: resolved.notice };
}

/**
 * Formats what each changed outcome's steps wrote (`original(index)`: the text the steps read).
 * The formatted text is parsed again before it replaces the output; text that does not parse keeps
 * the unformatted output (which was checked) and is reported.
 */
export async function formatWrittenWithPrettier(
  outcomes: FileOutcome[],
  original: (index: number) => string,
  root: string,
  notice: (message: string) => void,
  formatterFor: (file: string, root: string) => Promise<FileFormatter> = prettierFormatterFor,
): Promise<void> {
  const noticed = new Set<string>();
  for (const outcome of outcomes) {
    if (outcome.status !== "changed" || outcome.output === undefined) continue;
    const parser = parserFor(outcome.file);
    const finding = (line: number, message: string, column = 1): Finding => ({ file: outcome.file, line, column, step: "prettier", severity: "warning", message });
    const formatter = await formatterFor(outcome.file, root);
    if (formatter.notice && !noticed.has(formatter.notice)) {
      noticed.add(formatter.notice);
      notice(formatter.notice);
    }
    if (!formatter.format) continue;
    const program = babelParse(outcome.output, parser, false).program;
    const result = await formatWrittenStatements(original(outcome.index), outcome.output, program, formatter.format);
    const findings = result.failures.map((f) => finding(f.line, `prettier could not format this statement (${f.message}); left as auditmod printed it`));
    try {
      assertParses(result.text, parser);
    } catch (error) {
      const e = describeSyntaxError(error);
      outcome.findings = [...outcome.findings, ...findings, finding(e.line, `prettier's formatting does not parse (${e.message}); the file is written unformatted`, e.column)];
      continue;
    }
    outcome.findings = [...outcome.findings, ...findings];
    outcome.output = result.text;
  }
}
