import logger from "@app/lib/logger";
import type { Logger } from "@app/lib/logger";

type OptionSpec =
  | { type: "string"; describe: string; default?: string }
  | { type: "boolean"; describe: string; default?: boolean };

type ParsedArgs<T extends Record<string, OptionSpec>> = {
  [K in keyof T]: T[K]["type"] extends "boolean" ? boolean : string | undefined;
};

function parseArgv<T extends Record<string, OptionSpec>>(
  options: T,
  argv: string[]
): { execute: boolean } & ParsedArgs<T> {
  const parsed: Record<string, string | boolean | undefined> = { execute: false };
  for (const [name, spec] of Object.entries(options)) {
    parsed[name] = spec.default;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--execute" || arg === "-e") {
      parsed.execute = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      continue;
    }
    const name = arg.slice(2);
    const spec = options[name];
    if (!spec) {
      throw new Error(`Unknown option: ${arg}`);
    }
    if (spec.type === "boolean") {
      parsed[name] = true;
    } else {
      parsed[name] = argv[++i];
    }
  }
  return parsed as { execute: boolean } & ParsedArgs<T>;
}

/**
 * Runs `main` as a one-off script: dry run unless --execute is passed, and
 * the process exits as soon as `main` settles, so await everything.
 */
export function makeScript<T extends Record<string, OptionSpec>>(
  options: T,
  main: (args: { execute: boolean } & ParsedArgs<T>, logger: Logger) => Promise<void>
): void {
  const args = parseArgv(options, process.argv.slice(2));
  const scriptLogger = logger;
  if (!args.execute) {
    scriptLogger.info({}, "Dry run: pass --execute to apply changes.");
  }
  main(args, scriptLogger).then(
    () => process.exit(0),
    (err: unknown) => {
      scriptLogger.error({ err }, "Script failed");
      process.exit(1);
    }
  );
}
