import type { Severity } from "../../audit/types";
import type { CheckReport } from "../report";

const COMMAND: Record<Severity, "error" | "warning" | "notice"> = { error: "error", warning: "warning", info: "notice" };

/** A workflow command's message: `%`, CR and LF escaped as GitHub's runner unescapes them. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value: the message escapes, plus `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * GitHub Actions annotations, one line per diagnostic:
 * `::error file=<path from the repository top>,line=L,col=C,title=AUDITn::message`.
 * `uriPrefix` is the check root relative to the repository top, as for SARIF.
 */
export function formatGithub(report: CheckReport, uriPrefix: string): string {
  return report.diagnostics
    .map((d) => {
      const file = [uriPrefix, d.file].filter(Boolean).join("/");
      const fix = d.fixer ? ` (fix: auditmod run ${d.fixer})` : "";
      const properties = [`file=${escapeProperty(file)}`, `line=${d.line}`, `col=${d.column}`, `title=${escapeProperty(d.rule)}`].join(",");
      return `::${COMMAND[d.severity]} ${properties}::${escapeData(d.message + fix)}\n`;
    })
    .join("");
}
