import * as fs from "node:fs";
import * as path from "node:path";
import type { Severity } from "../../audit/types";
import type { CheckReport } from "../report";
import type { RuleDescriptor } from "../rules";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

export interface SarifOptions {
  /** Every rule the tool knows (the driver lists them all, so `ruleIndex` is stable across runs). */
  rules: readonly RuleDescriptor[];
  /** The check root relative to the repository top (`examples/front`), or "" when they are the same: GitHub resolves URIs from the top. */
  uriPrefix: string;
}

/** auditmod's own version, from the package.json above this file (src/ and dist/src/ alike). */
export function toolVersion(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, "package.json");
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "auditmod" && pkg.version) return pkg.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return "0.0.0";
    dir = parent;
  }
}

/** A root-relative path as a relative URI: each segment percent-encoded (`[wId]` → `%5BwId%5D`). */
export function fileUri(prefix: string, file: string): string {
  return [prefix, file]
    .filter(Boolean)
    .join("/")
    .split("/")
    .map(encodeURIComponent)
    .join("/");
}

/** SARIF 2.1.0 as GitHub code scanning takes it: one driver rule per rule id, results with physical locations. */
export function formatSarif(report: CheckReport, options: SarifOptions): string {
  const index = new Map(options.rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "auditmod",
            version: toolVersion(),
            rules: options.rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
              help: { text: r.fixer ? `${r.description}. Fix: auditmod run ${r.fixer}` : r.description },
              properties: r.fixer ? { fixer: r.fixer } : {},
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        results: report.diagnostics.map((d) => ({
          ruleId: d.rule,
          ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
          level: LEVEL[d.severity],
          message: { text: d.fixer ? `${d.message} (fix: auditmod run ${d.fixer})` : d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(options.uriPrefix, d.file), uriBaseId: "%SRCROOT%" },
                region: { startLine: d.line, startColumn: d.column },
              },
            },
          ],
          ...(d.fixer ? { properties: { fixer: d.fixer } } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
