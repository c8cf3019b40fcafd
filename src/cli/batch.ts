import * as fs from "node:fs";
import * as path from "node:path";
import type { CommandModule } from "yargs";
import { FIXERS } from "../audit/transforms";
import { findRoot, loadConfig } from "../config/config";
import { parseManifest, readSpecFile, resolveSpecFiles, specFileLocator, SpecError, type Manifest } from "../config/spec";
import { UsageError } from "../engine/errors";
import type { StepSpec } from "../engine/pipeline";
import { withRunFlags, type CliIO, type RunFlags } from "./common";
import { runWithRegistration, specOrigin, specUsageError, type InstrumentStep } from "./instrument";
import type { CommandResult } from "./main";

/** The root a batch runs on: `--root`, else the manifest's `root` (from its folder), else found from the manifest's folder. */
function batchRoot(manifest: Manifest, manifestDir: string, rootFlag: string | undefined, cwd: string): string {
  if (rootFlag !== undefined) return findRoot(rootFlag, cwd);
  if (manifest.root !== undefined) {
    const root = path.resolve(manifestDir, manifest.root);
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`the manifest's root is not a folder: ${manifest.root} (from ${manifestDir})`);
    return findRoot(root, cwd);
  }
  return findRoot(undefined, manifestDir);
}

export function batchCommand(io: CliIO, result: CommandResult): CommandModule {
  return {
    command: "batch <manifest> [paths..]",
    describe: "a one-off migration batch (JSON or YAML): instrument and migrate-call specs and fixers, in order, in one pass",
    builder: (y) =>
      withRunFlags(y)
        .positional("manifest", { type: "string", describe: "the manifest: `steps` holds `instrument: {...}` and `migrate-call: {...}` specs and fixer names" })
        .positional("paths", { type: "string", array: true, describe: "files or folders to look in (default: the root)" }),
    handler: async (argv) => {
      const flags = argv as unknown as RunFlags;
      const manifestArg = String(argv.manifest);
      const manifestPath = path.resolve(io.cwd, manifestArg);
      let manifest: Manifest;
      try {
        manifest = parseManifest(readSpecFile(manifestPath), FIXERS.map((t) => t.name));
      } catch (error) {
        if (error instanceof SpecError) throw specUsageError(manifestArg, error);
        throw error;
      }
      const config = loadConfig(batchRoot(manifest, path.dirname(manifestPath), flags.root, io.cwd));

      // `files` are checked against the root before anything runs, like the rest of the manifest.
      const problems: string[] = [];
      const instrumentSteps: InstrumentStep[] = [];
      const locate = specFileLocator(manifestPath);
      const steps: StepSpec[] = manifest.steps.map((step, i) => {
        if (step.kind === "fixer") {
          // A step's own `typecheck` wins over the manifest's; the checker needs the root to find tsconfig.json.
          const typecheck = step.options?.typecheck ?? manifest.typecheck ?? false;
          return typecheck ? { name: step.name, options: { typecheck: true, root: config.root } } : { name: step.name };
        }
        if (step.kind === "migrate-call") {
          const resolved = resolveSpecFiles(step.spec, config.root, `steps[${i}].migrate-call`);
          problems.push(...resolved.problems);
          return { name: "migrate-call", options: { ...resolved.spec } };
        }
        const resolved = resolveSpecFiles(step.spec, config.root, `steps[${i}].instrument`);
        problems.push(...resolved.problems);
        instrumentSteps.push({ index: i, spec: resolved.spec, origin: specOrigin(locate, manifestArg, ["steps", i, "instrument"], resolved.spec) });
        return { name: "instrument", options: { ...resolved.spec } };
      });
      if (problems.length > 0) throw specUsageError(manifestArg, new SpecError(problems));

      const paths = (argv.paths as string[] | undefined)?.map(String) ?? [];
      await runWithRegistration(io, result, `batch ${manifestArg}`, flags, paths, steps, instrumentSteps, config);
    },
  };
}
