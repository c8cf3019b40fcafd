import type { CommandModule } from "yargs";
import { FIXERS } from "../audit/transforms";
import { UsageError } from "../engine/errors";
import { runSteps } from "../engine/run";
import { buildRunRequest, withRunFlags, type CliIO, type RunFlags } from "./common";
import type { CommandResult } from "./main";

/** Splits `run`'s positionals into transform names (leading, known) and paths (the rest). */
export function splitTransformsAndPaths(words: string[]): { transforms: string[]; paths: string[] } {
  const transforms: string[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    if (!FIXERS.some((t) => t.name === words[i])) break;
    transforms.push(words[i]);
  }
  if (words[0] === "instrument") throw new UsageError("instrument needs a spec: use `auditmod instrument --spec s.json` or `auditmod batch`");
  if (words[0] === "migrate-call") throw new UsageError("migrate-call needs a spec: use `auditmod migrate-call --spec s.yaml` or `auditmod batch`");
  if (transforms.length === 0) {
    throw new UsageError(`unknown transform "${words[0]}" (known: ${FIXERS.map((t) => t.name).join(", ")})`);
  }
  const paths = words.slice(i);
  const unknown = paths.find((p) => /^[a-z][a-z0-9-]*$/.test(p) && !p.includes("/") && !p.includes(".") && !require("node:fs").existsSync(p));
  if (unknown) throw new UsageError(`unknown transform "${unknown}" (known: ${FIXERS.map((t) => t.name).join(", ")})`);
  return { transforms, paths };
}

export function runCommand(io: CliIO, result: CommandResult): CommandModule {
  return {
    command: "run <transforms..>",
    describe: "apply fixers across the repo: auditmod run <transform...> [paths] [--dry]",
    builder: (y) =>
      withRunFlags(y)
        .positional("transforms", { type: "string", array: true, describe: "transform names, then paths (default: the root)" })
        .option("style", { choices: ["builder", "literal"] as const, describe: "target-builders: which way to migrate" })
        .option("typecheck", { type: "boolean", default: false, describe: "stringify-metadata: ask the TypeScript checker about values the syntax cannot tell" })
        .option("wrap-unknown", { type: "boolean", default: false, describe: "stringify-metadata: also wrap values that are not provably strings (the old rule)" }),
    handler: async (argv) => {
      const words = (argv.transforms as string[]).map(String);
      const { transforms, paths } = splitTransformsAndPaths(words);
      const options: Record<string, unknown> = {};
      if (argv.style) options.style = argv.style;
      if (argv.typecheck) options.typecheck = true;
      if (argv.wrapUnknown) options.wrapUnknown = true;
      const flags = argv as unknown as RunFlags;
      const request = buildRunRequest(`run ${words.join(" ")}`, flags, paths, transforms.map((name) => ({ name, options })), io);
      if (argv.typecheck) for (const step of request.steps) step.options = { ...step.options, root: request.config.root };
      const report = await runSteps(request);
      result.exitCode = report.exitCode;
    },
  };
}
