import * as path from "node:path";
import type { CommandModule } from "yargs";
import { parseMigrateCallSpec, type MigrateCallSpec } from "../config/migrate-call-spec";
import { readSpecFile, resolveSpecFiles, SpecError } from "../config/spec";
import { UsageError } from "../engine/errors";
import { runSteps } from "../engine/run";
import { buildRunRequest, resolveConfig, withRunFlags, type CliIO, type RunFlags } from "./common";
import { specUsageError } from "./instrument";
import type { CommandResult } from "./main";

export function migrateCallCommand(io: CliIO, result: CommandResult): CommandModule {
  return {
    command: "migrate-call [paths..]",
    describe: "rewrite the calls of one function from a spec: auditmod migrate-call --spec migration.yaml [paths]",
    builder: (y) =>
      withRunFlags(y)
        .positional("paths", { type: "string", array: true, describe: "files or folders to look in (default: the root)" })
        .option("spec", { type: "string", requiresArg: true, demandOption: true, describe: "the migration (JSON or YAML): callee, match, remove, set, rename, rename-callee, args" }),
    handler: async (argv) => {
      const flags = argv as unknown as RunFlags;
      const specFile = String(argv.spec);
      let raw: unknown;
      try {
        raw = readSpecFile(path.resolve(io.cwd, specFile));
      } catch (error) {
        if (error instanceof SpecError) throw new UsageError(error.problems.join("\n"));
        throw error;
      }
      let spec: MigrateCallSpec;
      try {
        spec = parseMigrateCallSpec(raw);
      } catch (error) {
        if (error instanceof SpecError) throw specUsageError(specFile, error);
        throw error;
      }
      const config = resolveConfig(flags.root, io);
      const resolved = resolveSpecFiles(spec, config.root);
      if (resolved.problems.length > 0) throw specUsageError(specFile, new SpecError(resolved.problems));
      const paths = ((argv.paths as string[] | undefined) ?? []).map(String);
      const request = buildRunRequest(`migrate-call ${spec.callee}`, flags, paths, [{ name: "migrate-call", options: { ...resolved.spec } }], io, config);
      const report = await runSteps(request);
      result.exitCode = report.exitCode;
    },
  };
}
