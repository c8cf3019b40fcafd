import * as fs from "node:fs";
import * as path from "node:path";
import type { CommandModule } from "yargs";
import { findRoot, loadConfig } from "../config/config";
import { toPosix } from "../engine/discover";
import { UsageError } from "../engine/errors";
import { gitTopLevel } from "../engine/git";
import type { CheckReport } from "../check/report";
import type { CliIO } from "./common";
import type { CommandResult } from "./main";

export const CHECK_FORMATS = ["text", "json", "sarif", "github"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** Where root discovery starts: the first path given (its folder, for a file), else the working directory. */
function discoveryStart(paths: string[], cwd: string): string {
  if (paths.length === 0) return cwd;
  const first = path.resolve(cwd, paths[0]);
  if (!fs.existsSync(first)) throw new UsageError(`path does not exist: ${paths[0]}`);
  return fs.statSync(first).isDirectory() ? first : path.dirname(first);
}

/** The root relative to the git top level, so SARIF URIs resolve from the repository root as GitHub expects. */
function repositoryPrefix(root: string): string {
  const top = gitTopLevel(root);
  return top ? toPosix(path.relative(fs.realpathSync(top), root)) : "";
}

function render(report: CheckReport, format: CheckFormat, color: boolean, root: string): string {
  if (format === "json") return (require("../check/format/json") as typeof import("../check/format/json")).formatJson(report);
  if (format === "sarif") {
    const { ALL_RULE_DESCRIPTORS } = require("../check/rules") as typeof import("../check/rules");
    return (require("../check/format/sarif") as typeof import("../check/format/sarif")).formatSarif(report, { rules: ALL_RULE_DESCRIPTORS, uriPrefix: repositoryPrefix(root) });
  }
  if (format === "github") return (require("../check/format/github") as typeof import("../check/format/github")).formatGithub(report, repositoryPrefix(root));
  return (require("../check/format/text") as typeof import("../check/format/text")).formatText(report, color);
}

/** Reads `--rule` / `--ignore-rule` values, which yargs gives as a string, an array, or nothing. */
function ruleIds(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(",")).map((v) => v.trim().toUpperCase()).filter(Boolean);
}

/**
 * `--update-baseline` writes every finding and ends the command (null); `--baseline` keeps only the
 * findings it does not hold and reports its entries that no longer match as removable.
 */
function applyBaseline(report: CheckReport, flags: { baseline?: string; updateBaseline?: string }, root: string, io: CliIO, checked: (entry: { file: string; rule: string }) => boolean): CheckReport | null {
  const baselines = require("../check/baseline") as typeof import("../check/baseline");
  const lineText = baselines.lineTextsFor(root);
  if (flags.updateBaseline !== undefined) {
    fs.writeFileSync(path.resolve(io.cwd, flags.updateBaseline), baselines.serializeBaseline(baselines.buildBaseline(report.diagnostics, lineText)));
    io.stderr(`auditmod: wrote ${report.diagnostics.length} finding(s) to the baseline ${flags.updateBaseline}\n`);
    return null;
  }
  if (flags.baseline === undefined) return report;
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(io.cwd, flags.baseline), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the baseline ${flags.baseline}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const parsed = baselines.parseBaseline(text);
  if (!parsed.ok) throw new UsageError(`bad baseline ${flags.baseline}: ${parsed.problems.join("; ")}`);
  const { fresh, known, fixed } = baselines.compareWithBaseline(report.diagnostics, parsed.baseline, lineText, checked);
  io.stderr(`auditmod: ${known.length} finding(s) held by the baseline, not counted; ${fixed.length} baseline entr${fixed.length === 1 ? "y is" : "ies are"} fixed and can be removed\n`);
  for (const e of fixed) io.stderr(`  removable: ${e.file}  ${e.rule}  ${e.message}  (recorded at line ${e.line})\n`);
  return { ...report, diagnostics: fresh };
}

export function checkCommand(io: CliIO, result: CommandResult): CommandModule {
  return {
    command: "check [paths..]",
    describe: "report breaches of the audit rules (docs/rules.md) as diagnostics; writes nothing; exit 1 on any error",
    builder: (y) =>
      y
        .positional("paths", { type: "string", array: true, describe: "files or folders to check (default: the root)" })
        .option("format", { choices: CHECK_FORMATS, default: "text" as CheckFormat, describe: "output format" })
        .option("output", { type: "string", describe: "write the report to FILE instead of stdout" })
        .option("rule", { type: "string", array: true, describe: "run only this rule (AUDITn); repeatable" })
        .option("ignore-rule", { type: "string", array: true, describe: "skip this rule (AUDITn); repeatable" })
        .option("typecheck", { type: "boolean", default: false, describe: "AUDIT5: ask the TypeScript checker about metadata values the syntax cannot tell" })
        .option("baseline", { type: "string", describe: "a baseline FILE: its findings are reported apart and do not count toward the exit code" })
        .option("update-baseline", { type: "string", describe: "write every current finding to the baseline FILE (exit 0)" })
        .conflicts("baseline", "update-baseline")
        .option("root", { type: "string", describe: "the front root (default: found from auditmod.config.json or lib/api/audit/workos_audit.ts above the first path)" }),
    handler: (argv) => {
      // Loaded here, not at start-up: the registry reader brings in ts-morph, which other commands may never need.
      const { selectRules } = require("../check/rules") as typeof import("../check/rules");
      const { inScope, runCheck, scopesOf } = require("../check/run-check") as typeof import("../check/run-check");
      const { exitCodeOf, summaryLine } = require("../check/report") as typeof import("../check/report");
      const paths = ((argv.paths as string[] | undefined) ?? []).map(String);
      const rules = selectRules(ruleIds(argv.rule), ruleIds(argv["ignore-rule"]));
      const rootFlag = argv.root as string | undefined;
      const { withLearnedConventions } = require("../engine/conventions") as typeof import("../engine/conventions");
      const bare = loadConfig(findRoot(rootFlag === undefined ? undefined : path.resolve(io.cwd, rootFlag), discoveryStart(paths, io.cwd)));
      const config = withLearnedConventions(bare, (line) => io.stderr(line));
      const absolute = paths.map((p) => path.resolve(io.cwd, p));
      const typecheck = argv.typecheck === true;
      const full = runCheck({ config, paths: absolute, rules, typecheck });
      if (typecheck) {
        const { typecheckCost, typecheckUnavailableReasons } = require("../audit/typecheck") as typeof import("../audit/typecheck");
        for (const reason of typecheckUnavailableReasons()) io.stderr(`auditmod: --typecheck: ${reason}; values the syntax cannot tell stay info\n`);
        const cost = typecheckCost();
        io.stderr(`auditmod: --typecheck loaded ${cost.files} files into the TypeScript checker in ${(cost.ms / 1000).toFixed(2)}s\n`);
      }
      const scopes = scopesOf(config.root, absolute);
      const selected = new Set<string>(rules.map((r) => r.id));
      const checked = (e: { file: string; rule: string }) => inScope(e.file, scopes) && (selected.has(e.rule) || !/^AUDIT\d+$/.test(e.rule));
      const baselined = applyBaseline(full, argv as { baseline?: string; updateBaseline?: string }, config.root, io, checked);
      if (baselined === null) return;
      const report = baselined;
      const format = argv.format as CheckFormat;
      const output = argv.output as string | undefined;
      const text = render(report, format, io.isTTY && !output, config.root);
      if (output) {
        fs.writeFileSync(path.resolve(io.cwd, output), text);
        io.stderr(`${summaryLine(report)}\n`);
      } else {
        io.stdout(text);
        if (format !== "text") io.stderr(`${summaryLine(report)}\n`);
      }
      result.exitCode = exitCodeOf(report);
    },
  };
}
