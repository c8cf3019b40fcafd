import type { CheckReport } from "../report";

/** A JSON array, one object per diagnostic with exactly: file, line, column, rule, severity, message, fixer. */
export function formatJson(report: CheckReport): string {
  const rows = report.diagnostics.map(({ file, line, column, rule, severity, message, fixer }) => ({ file, line, column, rule, severity, message, fixer }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
