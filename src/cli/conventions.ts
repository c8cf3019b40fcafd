import type { CommandModule } from "yargs";
import type { ConventionFact } from "../audit/conventions";
import type { AuditModuleFacts } from "../audit/types";
import { resolveConfig, type CliIO } from "./common";
import type { CommandResult } from "./main";

/** One fact as `auditmod conventions` prints it. */
function describeFact(facts: AuditModuleFacts, fact: ConventionFact): string {
  switch (fact) {
    case "emitFunctions":
      return facts.emitFunctions.map((f) => `${f.name}({ ${f.params.join(", ")} }) [${f.kind}]`).join("; ");
    case "moduleMetadataKeys":
      return facts.moduleMetadataKeys.join(", ") || "none";
    case "targetTypes":
      return facts.targetTypes?.join(", ") ?? "any (no target type union)";
    case "targetBuilders":
      return facts.targetBuilders.join(", ") || "none";
    case "metadataStringOnly":
      return facts.metadataStringOnly ? "yes" : "no";
  }
}

const LABELS: Record<ConventionFact, string> = {
  emitFunctions: "emit functions",
  moduleMetadataKeys: "metadata keys the module adds",
  targetTypes: "target types",
  targetBuilders: "target builders",
  metadataStringOnly: "metadata string-only",
};

export function conventionsCommand(io: CliIO, result: CommandResult): CommandModule {
  return {
    command: "conventions",
    describe: "print what auditmod learned from the audit module (and auditmod.config.json), and where each fact came from",
    builder: (y) =>
      y
        .option("root", { type: "string", describe: "the front root (default: found from auditmod.config.json or lib/api/audit/workos_audit.ts)" })
        .option("json", { type: "boolean", default: false, describe: "print the facts and their sources as JSON" }),
    handler: (argv) => {
      const { loadConventions } = require("../engine/conventions") as typeof import("../engine/conventions");
      const config = resolveConfig(argv.root as string | undefined, io);
      const loaded = loadConventions(config);
      if (loaded.notice) io.stderr(`auditmod: ${loaded.notice}\n`);
      if (argv.json) {
        io.stdout(`${JSON.stringify({ module: config.registry, facts: loaded.facts, sources: loaded.sources }, null, 2)}\n`);
      } else {
        const lines = [`conventions of ${config.registry}:`];
        for (const fact of Object.keys(LABELS) as ConventionFact[]) {
          lines.push(`  ${LABELS[fact]}: ${describeFact(loaded.facts, fact)}`, `    from ${loaded.sources[fact].join(", ")}`);
        }
        io.stdout(`${lines.join("\n")}\n`);
      }
      result.exitCode = 0;
    },
  };
}
