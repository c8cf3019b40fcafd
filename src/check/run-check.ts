import * as fs from "node:fs";
import * as path from "node:path";
import { emitNames, mayContainEmit } from "../audit/emit";
import { DEFAULT_CONVENTIONS, type AuditConventions } from "../audit/types";
import type { AuditmodConfig } from "../config/config";
import { discoverFiles, insideRoot } from "../engine/discover";
import { decodeSource } from "../engine/text";
import { checkSourceFile, withoutRulePrefix, type SourceFileInput } from "./check-file";
import { readProject, type ProjectFacts } from "./project";
import { compareDiagnostics, type CheckReport } from "./report";
import { RULES } from "./rules";
import { isSilenced, scanIgnoreComments } from "./suppress";
import { BAD_IGNORE, type CheckRule, type Diagnostic, type RuleId } from "./types";

export interface CheckRequest {
  config: AuditmodConfig;
  /** Absolute paths to check (default: the root). */
  paths: string[];
  rules: readonly CheckRule[];
  /** AUDIT5 asks the TypeScript checker about the values the syntax cannot tell. */
  typecheck?: boolean;
}

const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/** The project rules' diagnostics: the registry and schema files, read once. */
export function checkProject(project: ProjectFacts, rules: readonly CheckRule[], conventions: AuditConventions = DEFAULT_CONVENTIONS): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const selected = new Set<string>(rules.map((r) => r.id));
  for (const p of project.problems) {
    // A file that cannot be read breaks the three-artifact rule, unless the reader's message names another rule.
    const named = /\b(AUDIT\d+): /.exec(p.message);
    const rule = (named?.[1] ?? "AUDIT3") as RuleId;
    const message = named ? p.message.replace(named[0], "") : p.message;
    if (selected.has(rule)) diagnostics.push({ file: p.file, line: p.line, column: p.column, rule, severity: "error", message, fixer: null });
  }
  for (const rule of rules) {
    rule.checkProject?.({
      project,
      conventions,
      report: (r) =>
        diagnostics.push({
          file: r.file,
          line: r.line,
          column: r.column,
          rule: rule.id,
          severity: r.severity ?? rule.severity,
          message: withoutRulePrefix(r.message),
          fixer: r.fixer === undefined ? (rule.fixer ?? null) : r.fixer,
        }),
    });
  }
  return diagnostics;
}

/** True when the root-relative `file` is one of `scopes` or lies below one ("" is the root). */
export function inScope(file: string, scopes: string[]): boolean {
  return scopes.some((s) => s === "" || file === s || file.startsWith(`${s}/`));
}

/**
 * Where a diagnostic is silenced from: its own line, or, for a schema file (JSON takes no comments),
 * the registry entry of the schema's action.
 */
function suppressionSite(d: Diagnostic, project: ProjectFacts): Diagnostic {
  const schema = project.schemas.find((s) => s.file === d.file);
  const entry = schema ? project.registry.entries?.find((e) => e.action === schema.action) : undefined;
  return entry ? { ...d, file: project.registry.file, line: entry.line } : d;
}

/** The diagnostics no `auditmod-ignore` comment silences, plus one per malformed comment. */
function applySuppression(diagnostics: Diagnostic[], textsWithIgnores: Map<string, string>, project: ProjectFacts): Diagnostic[] {
  const scans = new Map([...textsWithIgnores].map(([file, text]) => [file, scanIgnoreComments(file, text, KNOWN_RULE_IDS)]));
  const kept = diagnostics.filter((d) => {
    const site = suppressionSite(d, project);
    return !isSilenced(site, scans.get(site.file)?.ignores ?? []);
  });
  return [...kept, ...[...scans.values()].flatMap((scan) => scan.problems)];
}

/** The root-relative folders and files a check covers ("" is the whole root). */
export function scopesOf(root: string, paths: string[]): string[] {
  return paths.length === 0 ? [""] : paths.map((p) => insideRoot(root, p) ?? "");
}

/**
 * One source file's diagnostics as `check` reports them, for a tool that sees one file at a time (the
 * ESLint plugin): the file's own, the project diagnostics that point into it (the registry is a source
 * file), then its `auditmod-ignore` comments.
 */
export function checkOneSourceFile(input: SourceFileInput, rules: readonly CheckRule[], projectDiagnostics: readonly Diagnostic[]): Diagnostic[] {
  const own = mayContainEmit(input.text, emitNames(input.conventions.module.emitFunctions)) ? checkSourceFile(input, rules) : [];
  const diagnostics = [...own, ...projectDiagnostics.filter((d) => d.file === input.file)];
  const texts = new Map(input.text.includes("auditmod-ignore") ? [[input.file, input.text]] : []);
  return applySuppression(diagnostics, texts, input.project).sort(compareDiagnostics);
}

/**
 * `auditmod check`: the same discovery as `run`, the text prefilter (a file without an emit is never
 * parsed), a plain babel parse per file, the registry and the schemas read once. Writes nothing.
 */
export function runCheck(request: CheckRequest): CheckReport {
  const { config, rules } = request;
  const { root } = config;
  const files = discoverFiles(root, request.paths);
  const scopes = scopesOf(root, request.paths);
  const project = readProject(config);
  const diagnostics: Diagnostic[] = [];
  const skipped: CheckReport["skipped"] = [];
  const textsWithIgnores = new Map<string, string>();
  let parsed = 0;
  const names = emitNames(config.conventions.module.emitFunctions);
  const options = request.typecheck ? { typecheck: true, root } : {};

  for (const file of files) {
    const abs = path.join(root, file);
    let bytes: Buffer;
    try {
      if (fs.statSync(abs).size > config.maxFileSize) {
        skipped.push({ file, reason: `larger than the ${config.maxFileSize}-byte limit` });
        continue;
      }
      bytes = fs.readFileSync(abs);
    } catch (error) {
      skipped.push({ file, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      continue;
    }
    const decoded = decodeSource(bytes);
    if (!decoded.ok) {
      skipped.push({ file, reason: decoded.reason });
      continue;
    }
    const { text } = decoded.source;
    if (text.includes("auditmod-ignore")) textsWithIgnores.set(file, text);
    if (!mayContainEmit(text, names)) continue;
    parsed++;
    diagnostics.push(...checkSourceFile({ file, text, conventions: config.conventions, project, options }, rules));
  }

  diagnostics.push(...checkProject(project, rules, config.conventions).filter((d) => inScope(d.file, scopes)));
  const registry = project.registry;
  if (registry.text?.includes("auditmod-ignore")) textsWithIgnores.set(registry.file, registry.text);
  // The registry's comments also silence schema diagnostics; its malformed ones are reported only when it is in scope.
  const kept = applySuppression(diagnostics, textsWithIgnores, project).filter((d) => d.rule !== BAD_IGNORE || inScope(d.file, scopes));
  return { diagnostics: kept.sort(compareDiagnostics), files: files.length, parsed, skipped };
}
