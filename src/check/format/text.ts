import { createColors } from "picocolors";
import type { Severity } from "../../audit/types";
import { summaryLine, type CheckReport } from "../report";
import type { Diagnostic } from "../types";

/**
 * `path:line:col  AUDITn  message  (fix: auditmod run <fixer>)`, one line per diagnostic, files separated
 * by a blank line, then the summary; colour (rule id by severity) only when `color` is set.
 */
export function formatText(report: CheckReport, color: boolean): string {
  const c = createColors(color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const line = (d: Diagnostic) => {
    const fix = d.fixer ? `  ${c.dim(`(fix: auditmod run ${d.fixer})`)}` : "";
    return `${c.bold(`${d.file}:${d.line}:${d.column}`)}  ${paint[d.severity](d.rule)}  ${d.message}${fix}`;
  };
  const groups: string[] = [];
  let current: string | null = null;
  let lines: string[] = [];
  for (const d of report.diagnostics) {
    if (d.file !== current && lines.length > 0) {
      groups.push(lines.join("\n"));
      lines = [];
    }
    current = d.file;
    lines.push(line(d));
  }
  if (lines.length > 0) groups.push(lines.join("\n"));
  const skipped = report.skipped.map((s) => c.dim(`${s.file}  skipped: ${s.reason}`));
  const summary = report.diagnostics.some((d) => d.severity === "error") ? c.red(summaryLine(report)) : c.green(summaryLine(report));
  return [...groups, ...(skipped.length > 0 ? [skipped.join("\n")] : []), summary].join("\n\n") + "\n";
}
