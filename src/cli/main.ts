import yargs from "yargs";
import { UsageError } from "../engine/errors";
import { checkCommand } from "./check";
import { conventionsCommand } from "./conventions";
import { addEventCommand } from "./add-event";
import { batchCommand } from "./batch";
import { processIO, type CliIO } from "./common";
import { instrumentCommand } from "./instrument";
import { listCommand } from "./list";
import { migrateCallCommand } from "./migrate-call";
import { runCommand } from "./run";
import { undoCommand } from "./undo";

export type CommandResult = { exitCode: number };

/** Runs the CLI; resolves to the process exit code (0 ok, 1 findings/errors, 2 bad usage). */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const result: CommandResult = { exitCode: 0 };
  let usageMessage: string | null = null;
  const parser = yargs(argv)
    .scriptName("auditmod")
    .usage("$0 <command> [options]")
    .command(listCommand(io, result))
    .command(runCommand(io, result))
    .command(instrumentCommand(io, result))
    .command(migrateCallCommand(io, result))
    .command(batchCommand(io, result))
    .command(undoCommand(io, result))
    .command(addEventCommand(io, result))
    .command(checkCommand(io, result))
    .command(conventionsCommand(io, result))
    .demandCommand(1, "name a command (see auditmod --help)")
    .strict()
    .recommendCommands()
    .help()
    .version(false)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    // Throwing here (not just recording) is what stops yargs from running the handler after a bad flag.
    .fail((message, error) => {
      if (error && !(error instanceof UsageError)) throw error;
      throw new UsageError(error ? error.message : message);
    });
  let helpText = "";
  try {
    await parser.parseAsync(argv, {}, (_err, _argv, output) => {
      helpText = output;
    });
  } catch (error) {
    if (error instanceof UsageError) usageMessage = error.message;
    else throw error;
  }
  if (usageMessage !== null) {
    io.stderr(`auditmod: ${usageMessage}\n`);
    return 2;
  }
  if (helpText) io.stdout(`${helpText}\n`);
  return result.exitCode;
}
