import * as path from "node:path";
import type { CommandModule } from "yargs";
import { targetTypeOutsideUnion } from "../audit/action-name";
import type { AuditmodConfig } from "../config/config";
import { parseSpec, readSpecFile, resolveSpecFiles, specFileLocator, SpecError, type InstrumentSpec, type SpecLocator } from "../config/spec";
import { UsageError } from "../engine/errors";
import { withLearnedConventions } from "../engine/conventions";
import type { StepSpec } from "../engine/pipeline";
import { runSteps, type RunFacts } from "../engine/run";
import type { NameOrigin } from "../registry/names";
import { describeRegistration, formatFileProblem, planRegistration, type RegistrationEvent, type RegistrationPlan } from "../registry/plan";
import { schemaReminder } from "../registry/reminder";
import { buildRunRequest, refusedFiles, resolveConfig, withRunFlags, type CliIO, type RunFlags } from "./common";
import type { CommandResult } from "./main";

/** A flag given once is a string, given several times an array. */
function list(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** `type=expression` (`--target space=space`, `--meta space_kind=space.kind`): split at the first `=`. */
function pair(flag: string, value: string): [string, string] {
  const at = value.indexOf("=");
  if (at <= 0 || at === value.length - 1) throw new UsageError(`--${flag} expects ${flag === "target" ? "type=expression" : "key=expression"}, got "${value}"`);
  return [value.slice(0, at), value.slice(at + 1)];
}

/** Spec problems as one usage error: a heading, then one line per problem. */
export function specUsageError(where: string, error: SpecError): UsageError {
  const count = error.problems.length;
  return new UsageError(`${where}: ${count} problem${count === 1 ? "" : "s"}, nothing was run:\n${error.problems.map((p) => `  ${p}`).join("\n")}`);
}

/** An instrument step of a run: its index among the run's steps, its spec, and where the spec is written. */
export interface InstrumentStep {
  index: number;
  spec: InstrumentSpec;
  origin?: NameOrigin;
}

/** An instrument step that writes an audit emit (a template's step registers nothing). */
type AuditStep = InstrumentStep & { spec: InstrumentSpec & { action: string } };

function isAuditStep(step: InstrumentStep): step is AuditStep {
  return step.spec.action !== undefined;
}

/**
 * What registration needs from a step (AUDIT3): the action, its target types and metadata keys, and
 * whether the run emits it, i.e. a site got its emit or code in the run's files already emits it.
 */
function registrationEvent(step: AuditStep, facts: RunFacts): RegistrationEvent {
  const { spec } = step;
  const live = facts.emitsByStep[step.index] > 0 || facts.actionsInCode.has(spec.action);
  return { action: spec.action, targets: spec.targets.map((t) => t.type), metadata: Object.keys(spec.metadata), origin: step.origin, live };
}

/** Where a spec file's names are, as `shown` (`step` is the spec's path in the file, "" for a whole spec file). */
export function specOrigin(locate: SpecLocator, shown: string, keys: (string | number)[], spec: InstrumentSpec): NameOrigin {
  const at = (more: string[]) => locate([...keys, ...more]) ?? { line: 1, column: 1 };
  const step = keys.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("").replace(/^\./, "");
  return { file: shown, step, action: at(["action"]), metadata: Object.fromEntries(Object.keys(spec.metadata).map((k) => [k, at(["metadata", k])])) };
}

/**
 * Runs steps that include instrument specs: one pass over the files, and the registry and schema
 * edits for every action the run emits in the same diff, patch or write; says what registration did
 * and reminds to register changed schemas with WorkOS.
 */
export async function runWithRegistration(
  io: CliIO,
  result: CommandResult,
  command: string,
  flags: RunFlags,
  paths: string[],
  steps: StepSpec[],
  instrumentSteps: InstrumentStep[],
  config: AuditmodConfig,
): Promise<void> {
  const request = buildRunRequest(command, flags, paths, steps, io, config);
  let plan: RegistrationPlan | null = null;
  const auditSteps = instrumentSteps.filter(isAuditStep);
  if (auditSteps.length > 0) {
    // The new schemas declare the keys the audit module adds itself: read it once, for the steps too.
    const learned = withLearnedConventions(config, (line) => io.stderr(line));
    // A target type outside the module's union would be inserted and then refused by WorkOS: stop before anything runs.
    const outside = auditSteps.flatMap(({ spec }) => spec.targets.map((t) => targetTypeOutsideUnion(t.type, learned.conventions.module.targetTypes)).filter((p): p is string => p !== null));
    if (outside.length > 0) throw new UsageError(`${command}: ${[...new Set(outside)].join("; ")}; nothing was run`);
    request.conventions = learned.conventions;
    request.actionsInCode = [...new Set(auditSteps.map((s) => s.spec.action))];
    request.extraEdits = (facts) => {
      // Computed once every file's outcome is known: only actions the run emits are registered.
      plan = planRegistration(learned, auditSteps.map((s) => registrationEvent(s, facts)));
      // Thrown before anything is written: an unreadable registry is exit 2 with nothing changed.
      if (plan.registryError) throw new UsageError(formatFileProblem(plan.registryError));
      return { edits: plan.edits, findings: plan.findings };
    };
  }
  const report = await runSteps(request);
  const done = plan as RegistrationPlan | null;
  if (done) {
    const say = flags.dry ? io.stderr : io.stdout;
    for (const line of describeRegistration(config, done, flags.dry ? null : report.written, refusedFiles(report))) say(`${line}\n`);
    const written = done.actions.filter((a) => done.changedActions.includes(a.action) && report.written.includes(a.schemaFile));
    if (written.length > 0) io.stdout(schemaReminder(written.map((a) => a.action)));
  }
  result.exitCode = report.exitCode;
}

const SPEC_FLAGS = ["action", "template", "import", "mutation", "target", "meta", "outcome", "guard", "actor-type", "actor-id", "actor-name"] as const;

/** The spec the flags describe (unvalidated): what `--spec` would hold. */
function specFromFlags(argv: Record<string, unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  if (argv.action !== undefined) raw.action = String(argv.action);
  if (argv.mutation !== undefined) raw.mutation = String(argv.mutation);
  if (argv.template !== undefined) raw.template = String(argv.template);
  if (argv.import !== undefined) {
    const text = String(argv.import);
    const at = text.lastIndexOf("=");
    if (at <= 0 || at === text.length - 1) throw new UsageError(`--import expects module=name[,name...], got "${text}"`);
    raw.import = { from: text.slice(0, at), names: text.slice(at + 1).split(",").map((n) => n.trim()) };
  }
  raw.targets = list(argv.target).map((t) => {
    const [type, resource] = pair("target", t);
    return { type, resource };
  });
  raw.metadata = Object.fromEntries(list(argv.meta).map((m) => pair("meta", m)));
  if (argv.outcome !== undefined) raw.outcome = argv.outcome;
  if (argv.guard !== undefined) raw.guard = argv.guard;
  const actor = { type: argv["actor-type"], id: argv["actor-id"], name: argv["actor-name"] };
  if (actor.type !== undefined || actor.id !== undefined || actor.name !== undefined) {
    if (actor.type === undefined || actor.id === undefined) throw new UsageError("--actor-type and --actor-id go together (and --actor-name with them)");
    raw.actor = Object.fromEntries(Object.entries(actor).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  }
  return raw;
}

export function instrumentCommand(io: CliIO, result: CommandResult): CommandModule {
  return {
    command: "instrument [paths..]",
    describe: "insert audit emits at mutation paths: auditmod instrument --action A --mutation M [--target type=expr]... [--meta key=expr]... (or --template CALL [--import module=name], or --spec s.json)",
    builder: (y) =>
      withRunFlags(y)
        .positional("paths", { type: "string", array: true, describe: "files or folders to look in (default: the root)" })
        .option("spec", { type: "string", requiresArg: true, describe: "a spec file (JSON or YAML) instead of the flags below" })
        .option("action", { type: "string", requiresArg: true, describe: "the action, <resource>.<verb> (AUDIT8)" })
        .option("template", { type: "string", requiresArg: true, describe: "any call to place instead of an audit emit, e.g. 'void trackEvent({ event: \"space_archived\" })'" })
        .option("import", { type: "string", requiresArg: true, describe: "module=name[,name]: what the template needs imported" })
        .option("mutation", { type: "string", requiresArg: true, describe: 'the mutation call: "fn", "Obj.method" or "*.method"' })
        .option("target", { type: "string", requiresArg: true, describe: "type=expression: a target after the workspace (repeatable)" })
        .option("meta", { type: "string", requiresArg: true, describe: "key=expression: a metadata value (repeatable)" })
        .option("outcome", { choices: ["success", "failure"] as const, describe: "emit on the success path (default) or the failure path" })
        .option("guard", { choices: ["required", "optional"] as const, describe: "required: report mutations whose outcome is never checked" })
        .option("actor-type", { type: "string", requiresArg: true, describe: "direct emits: the actor's type (e.g. system)" })
        .option("actor-id", { type: "string", requiresArg: true, describe: "direct emits: the actor's id" })
        .option("actor-name", { type: "string", requiresArg: true, describe: "direct emits: the actor's name" }),
    handler: async (argv) => {
      const flags = argv as unknown as RunFlags;
      const specFile = argv.spec as string | undefined;
      let raw: unknown;
      let where: string;
      if (specFile !== undefined) {
        const extra = SPEC_FLAGS.filter((f) => argv[f] !== undefined);
        if (extra.length > 0) throw new UsageError(`--spec and ${extra.map((f) => `--${f}`).join(", ")} do not go together: put the whole spec in the file, or give it all as flags`);
        where = specFile;
        try {
          raw = readSpecFile(path.resolve(io.cwd, specFile));
        } catch (error) {
          if (error instanceof SpecError) throw new UsageError(error.problems.join("\n"));
          throw error;
        }
      } else {
        if ((argv.action === undefined && argv.template === undefined) || argv.mutation === undefined) throw new UsageError("instrument needs --action (or --template) and --mutation (or --spec FILE)");
        where = "instrument spec";
        raw = specFromFlags(argv);
      }
      const config = resolveConfig(flags.root, io);
      let spec: InstrumentSpec;
      try {
        spec = parseSpec(raw);
      } catch (error) {
        if (error instanceof SpecError) throw specUsageError(where, error);
        throw error;
      }
      const resolved = resolveSpecFiles(spec, config.root);
      if (resolved.problems.length > 0) throw specUsageError(where, new SpecError(resolved.problems));
      const paths = list(argv.paths);
      const steps: StepSpec[] = [{ name: "instrument", options: { ...resolved.spec } }];
      const origin = specFile !== undefined ? specOrigin(specFileLocator(path.resolve(io.cwd, specFile)), specFile, [], resolved.spec) : undefined;
      await runWithRegistration(io, result, `instrument ${spec.action ?? spec.template}`, flags, paths, steps, [{ index: 0, spec: resolved.spec, origin }], config);
    },
  };
}
