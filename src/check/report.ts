import type { Severity } from "../audit/types";
import type { Diagnostic } from "./types";

/** What one `auditmod check` found: the diagnostics (sorted) and what was read, for the summary line. */
export interface CheckReport {
  diagnostics: Diagnostic[];
  /** Source files discovered under the paths. */
  files: number;
  /** Source files parsed (the rest cannot hold an emit). */
  parsed: number;
  /** Source files not read (too large, not UTF-8), with the reason. */
  skipped: { file: string; reason: string }[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** File, then line, column, rule: the order every formatter prints. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule, "en", { numeric: true }) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.message.localeCompare(b.message);
}

export function countBySeverity(diagnostics: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** `3 problems (2 errors, 1 warning, 0 info) in 2 files; 14 files checked` or `no problems; 14 files checked`. */
export function summaryLine(report: CheckReport): string {
  const { diagnostics } = report;
  const checked = `${plural(report.files, "file")} checked${report.skipped.length > 0 ? `, ${report.skipped.length} skipped` : ""}`;
  if (diagnostics.length === 0) return `no problems; ${checked}`;
  const c = countBySeverity(diagnostics);
  const files = new Set(diagnostics.map((d) => d.file)).size;
  return `${plural(diagnostics.length, "problem")} (${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${c.info} info) in ${plural(files, "file")}; ${checked}`;
}

/** 1 when any diagnostic is an error, else 0. */
export function exitCodeOf(report: CheckReport): number {
  return report.diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}
