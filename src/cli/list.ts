import type { CommandModule } from "yargs";
import { TRANSFORMS } from "../audit/transforms";
import type { CliIO } from "./common";
import type { CommandResult } from "./main";

export function listCommand(io: CliIO, _result: CommandResult): CommandModule {
  return {
    command: "list",
    describe: "list the transforms and what each does",
    handler: () => {
      const width = Math.max(...TRANSFORMS.map((t) => t.name.length));
      for (const t of TRANSFORMS) io.stdout(`${t.name.padEnd(width)}  ${t.description}\n`);
    },
  };
}
