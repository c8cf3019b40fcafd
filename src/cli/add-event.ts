import * as fs from "node:fs";
import * as path from "node:path";
import type { CommandModule } from "yargs";
import { UsageError } from "../engine/errors";
import { runSteps } from "../engine/run";
import { withLearnedConventions } from "../engine/conventions";
import { describeRegistration, eventProblem, formatFileProblem, missingRegistryProblem, planRegistration, type RegistrationPlan } from "../registry/plan";
import { schemaReminder } from "../registry/reminder";
import { buildRunRequest, refusedFiles, resolveConfig, withInteractiveFlag, type CliIO, type RunFlags } from "./common";
import type { CommandResult } from "./main";

/** A flag given once is a string, given several times an array. */
function list(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

export function addEventCommand(io: CliIO, result: CommandResult): CommandModule {
  return {
    command: "add-event <action>",
    describe: "register an action and write its schema: auditmod add-event <action> [--target T]... [--meta K]...",
    builder: (y) =>
      withInteractiveFlag(y)
        .positional("action", { type: "string", describe: "the action, <resource>.<verb> (AUDIT8), e.g. space.archived" })
        .option("target", { type: "string", requiresArg: true, describe: "a target type besides the workspace (repeatable)" })
        .option("meta", { type: "string", requiresArg: true, describe: "a metadata key, declared \"string\" (repeatable)" })
        .option("dry", { type: "boolean", default: false, describe: "write nothing; print a unified diff" })
        .option("patch", { type: "string", describe: "write the diff to FILE as a patch `git apply` accepts" })
        .option("json", { type: "string", describe: "write a machine-readable report to FILE" })
        .option("root", { type: "string", describe: "the front root (default: found from auditmod.config.json or lib/api/audit/workos_audit.ts)" })
        .option("allow-dirty", { type: "boolean", default: false, describe: "write even where git shows uncommitted changes" }),
    handler: async (argv) => {
      const action = String(argv.action);
      const targets = list(argv.target);
      const metadata = list(argv.meta);

      const flags: RunFlags = {
        dry: argv.dry as boolean,
        print: false,
        patch: argv.patch as string | undefined,
        json: argv.json as string | undefined,
        root: argv.root as string | undefined,
        jobs: 1,
        allowDirty: argv.allowDirty as boolean,
        failOnError: true,
        prefilter: true,
        interactive: argv.interactive as boolean,
        // add-event writes the registry and a schema, never a statement of the code base.
        prettier: false,
      };
      // Only a name that cannot be an action or a key stops here; one that merely breaks AUDIT8/AUDIT9 is a warning from the plan.
      const named = eventProblem({ action, targets, metadata }, null);
      if (named) throw new UsageError(named);
      const bare = resolveConfig(flags.root, io);
      // No steps: only the registry is discovered (one read, never parsed). The plan is made inside the run
      // (under its lock), and its edits ride on the run's diff, patch, journal and atomic writes.
      const registryPath = path.join(bare.root, bare.registry);
      if (!fs.existsSync(registryPath)) throw new UsageError(formatFileProblem(missingRegistryProblem(bare)));
      const config = withLearnedConventions(bare, (line) => io.stderr(line));
      // The module's target type union, when it has one, is the list of valid target types.
      const outside = eventProblem({ action, targets, metadata }, config.conventions.module.targetTypes);
      if (outside) throw new UsageError(outside);
      const request = buildRunRequest(`add-event ${action}`, flags, [registryPath], [], io, config);
      let plan: RegistrationPlan | null = null;
      request.extraEdits = () => {
        plan = planRegistration(config, [{ action, targets, metadata }]);
        // Thrown before anything is written: a registry that cannot be read is exit 2 with nothing changed.
        if (plan.registryError) throw new UsageError(formatFileProblem(plan.registryError));
        return { edits: plan.edits, findings: plan.findings };
      };
      const report = await runSteps(request);
      const done = plan as RegistrationPlan | null;
      if (!done) throw new Error("add-event: the run never asked for the registration edits");

      const say = flags.dry ? io.stderr : io.stdout;
      for (const line of describeRegistration(config, done, flags.dry ? null : report.written, refusedFiles(report))) say(`${line}\n`);
      const written = done.actions.filter((a) => done.changedActions.includes(a.action) && report.written.includes(a.schemaFile));
      if (written.length > 0) io.stdout(schemaReminder(written.map((a) => a.action)));
      result.exitCode = report.exitCode;
    },
  };
}
