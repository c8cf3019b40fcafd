import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Argv } from "yargs";
import { findRoot, loadConfig, type AuditmodConfig } from "../config/config";
import type { StepSpec } from "../engine/pipeline";
import { parseShard, REFUSED_IN_REVIEW, type RunIO, type RunReport, type RunRequest } from "../engine/run";
import { UsageError } from "../engine/errors";
import { reviewFromStdin } from "./interactive";

/** Where a command writes; tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  cwd: string;
  /** One `--interactive` answer, or null at the end of the input; absent: read from stdin. */
  readLine?(): Promise<string | null>;
}

export const processIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
};

/** The flags every writing command shares (README: "Flags shared by the writing commands"). */
export function withRunFlags<T>(y: Argv<T>) {
  return withInteractiveFlag(y)
    .option("dry", { type: "boolean", default: false, describe: "write nothing; print a unified diff" })
    .option("print", { type: "boolean", default: false, describe: "print each changed file's new text" })
    .option("patch", { type: "string", describe: "write the diff to FILE as a patch `git apply` accepts" })
    .option("json", { type: "string", describe: "write a machine-readable report to FILE" })
    .option("root", { type: "string", describe: "the front root (default: found from auditmod.config.json or lib/api/audit/workos_audit.ts)" })
    .option("since", { type: "string", describe: "only files changed since this git revision" })
    .option("shard", { type: "string", describe: "i/n: a deterministic slice of the files" })
    .option("jobs", { type: "number", default: os.availableParallelism?.() ?? os.cpus().length, describe: "worker threads" })
    .option("allow-dirty", { type: "boolean", default: false, describe: "write even where git shows uncommitted changes" })
    .option("fail-on-error", { type: "boolean", default: false, describe: "exit 1 when any file ends in error" })
    .option("prefilter", { type: "boolean", default: true, describe: "skip parsing files whose text cannot match (--no-prefilter parses all)" })
    .option("max-file-size", { type: "number", describe: "skip files larger than this many bytes" })
    .option("prettier", { type: "boolean", describe: "format the statements auditmod writes with the repo's prettier config (--no-prettier overrides the config's format)" });
}

/** `--interactive`, on every writing command: review each hunk before it is written. */
export function withInteractiveFlag<T>(y: Argv<T>) {
  return y
    .option("interactive", { type: "boolean", default: false, describe: "show each hunk and ask y/n/a/q (answers read from stdin); write only the accepted ones" });
}

export interface RunFlags {
  dry: boolean;
  print: boolean;
  patch?: string;
  json?: string;
  root?: string;
  since?: string;
  shard?: string;
  jobs: number;
  allowDirty: boolean;
  failOnError: boolean;
  prefilter: boolean;
  maxFileSize?: number;
  interactive: boolean;
  /** Absent: the config's `format` decides. */
  prettier?: boolean;
}

/** The files whose every hunk was refused under `--interactive`. */
export function refusedFiles(report: RunReport): string[] {
  return report.files.filter((f) => f.reason === REFUSED_IN_REVIEW).map((f) => f.file);
}

export function resolveConfig(rootFlag: string | undefined, io: CliIO): AuditmodConfig {
  return loadConfig(findRoot(rootFlag, io.cwd));
}

/** Turns parsed flags into the engine's request. */
export function buildRunRequest(command: string, flags: RunFlags, paths: string[], steps: StepSpec[], io: CliIO, config = resolveConfig(flags.root, io)): RunRequest {
  if (flags.interactive && flags.dry) throw new UsageError("--interactive asks which hunks to write; --dry writes nothing: pass one of them");
  if (!Number.isInteger(flags.jobs) || flags.jobs < 1) throw new UsageError(`--jobs must be a positive integer, got ${flags.jobs}`);
  if (flags.maxFileSize !== undefined) {
    if (!Number.isInteger(flags.maxFileSize) || flags.maxFileSize < 1) throw new UsageError(`--max-file-size must be a positive integer, got ${flags.maxFileSize}`);
    config = { ...config, maxFileSize: flags.maxFileSize };
  }
  const runIO: RunIO = { stdout: io.stdout, stderr: io.stderr, color: io.isTTY, progress: io.isTTY };
  const resolve = (p: string) => path.resolve(io.cwd, p);
  const missing = paths.find((p) => !fs.existsSync(resolve(p)));
  if (missing !== undefined) throw new UsageError(`path does not exist: ${missing}`);
  return {
    command,
    config,
    paths: paths.map(resolve),
    steps,
    dry: flags.dry,
    print: flags.print,
    patch: flags.patch ? resolve(flags.patch) : undefined,
    json: flags.json ? resolve(flags.json) : undefined,
    since: flags.since,
    shard: flags.shard ? parseShard(flags.shard) : undefined,
    jobs: flags.jobs,
    allowDirty: flags.allowDirty,
    failOnError: flags.failOnError,
    prefilter: flags.prefilter,
    prettier: flags.prettier ?? config.format === "prettier",
    review: flags.interactive ? reviewFromStdin(io) : undefined,
    io: runIO,
  };
}
