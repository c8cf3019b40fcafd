import * as fs from "node:fs";
import * as path from "node:path";
import type { Finding } from "../audit/types";
import type { AuditmodConfig } from "../config/config";
import type { FileEdit } from "../engine/run";
import { decodeSource, encodeOutput } from "../engine/text";
import type { FileProblem } from "./position";
import { nameWarnings, type NameOrigin } from "./names";
import { addActions, readRegistry } from "./registry";
import { buildSchema, mergeSchema, readSchema, serializeSchema } from "./schema";

/** An action to register, as a spec or `add-event` describes it: target types and metadata keys. */
export interface RegistrationEvent {
  action: string;
  targets: string[];
  metadata: string[];
  /** Where the names are written, for AUDIT8/AUDIT9 warnings (absent: command-line flags). */
  origin?: NameOrigin;
  /** False when no site got its emit and no code in the run's files emits the action: it adds nothing to the registry or schema. */
  live?: boolean;
}

export type SchemaChange = "created" | "merged" | "unchanged" | "problem";

/** What registration does (or would do) for one action. */
export interface ActionRegistration {
  action: string;
  /** True when the action is added to the registry (false: already there). */
  registered: boolean;
  schemaFile: string;
  schema: SchemaChange;
  /** For a merged schema: what was added, e.g. `target space`, `metadata space_kind`. */
  added: string[];
}

export interface RegistrationPlan {
  /** Whole-file edits for `runSteps`' `extraEdits`: the registry and the schema files. */
  edits: FileEdit[];
  findings: Finding[];
  /** Actions whose schema is created or changed: the ones the WorkOS reminder names. */
  changedActions: string[];
  actions: ActionRegistration[];
  /** Actions left out because none of their events is live: the registry and schema are not touched for them. */
  idle: string[];
  /** Set when the registry is missing or unreadable: nothing can be registered, `edits` is empty (callers exit 2). */
  registryError: FileProblem | null;
}

interface FileRead {
  raw: string;
  text: string;
  like: { bom: boolean; eol: "lf" | "crlf" | "mixed" };
}

/** Reads a root-relative file as the engine does (BOM and CRLF kept aside); null when it does not exist. */
function readText(root: string, file: string): { ok: true; read: FileRead | null } | { ok: false; reason: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(root, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: true, read: null };
    return { ok: false, reason: `cannot read: ${code === "EISDIR" ? "it is a folder" : (code ?? (error as Error).message)}` };
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { ok: false, reason: `cannot read: ${decoded.reason}` };
  return { ok: true, read: { raw: bytes.toString("utf8"), text: decoded.source.text, like: decoded.source } };
}

function finding(problem: FileProblem, step: string): Finding {
  return { file: problem.file, line: problem.line, column: problem.column, step, severity: "error", message: problem.message };
}

/** Same action named by several steps: one registration with the union of their targets and keys. */
function mergeEvents(events: RegistrationEvent[]): RegistrationEvent[] {
  const byAction = new Map<string, RegistrationEvent>();
  for (const e of events) {
    const seen = byAction.get(e.action);
    if (seen) byAction.set(e.action, { action: e.action, targets: [...new Set([...seen.targets, ...e.targets])], metadata: [...new Set([...seen.metadata, ...e.metadata])] });
    else byAction.set(e.action, { action: e.action, targets: [...new Set(e.targets)], metadata: [...new Set(e.metadata)] });
  }
  return [...byAction.values()];
}

/** What is said when the configured registry file does not exist. */
export function missingRegistryProblem(config: AuditmodConfig): FileProblem {
  return {
    file: config.registry,
    line: 1,
    column: 1,
    message: 'the action registry does not exist; expected a file declaring `export type AuditAction` here (set "registry" in auditmod.config.json if it lives elsewhere)',
  };
}

/** A registry problem as the one line of a usage error (exit 2). */
export function formatFileProblem({ file, line, column, message }: FileProblem): string {
  return `${file}:${line}:${column}: ${message}`;
}

/**
 * The registry entries and schema files `events` need (AUDIT3), as whole-file edits; writes nothing.
 * `add-event` and every `batch` with `instrument` steps call this, so both register the same way.
 */
export function planRegistration(config: AuditmodConfig, events: RegistrationEvent[]): RegistrationPlan {
  const { root, registry } = config;
  const findings: Finding[] = [];
  const blocked = (registryError: FileProblem): RegistrationPlan => ({
    edits: [],
    findings: [...findings, finding(registryError, "registry")],
    changedActions: [],
    actions: [],
    idle: [],
    registryError,
  });

  const registryRead = readText(root, registry);
  if (!registryRead.ok) return blocked({ file: registry, line: 1, column: 1, message: registryRead.reason });
  if (registryRead.read === null) return blocked(missingRegistryProblem(config));
  const current = registryRead.read;
  const entries = readRegistry(registry, current.text);
  if (!entries.ok) return blocked(entries.error);

  // Names are judged against this read of the registry and the schemas, the one the edits are made from.
  const schemaFileOf = (action: string) => path.posix.join(config.schemasDir, `${action}.json`);
  const schemaReads = new Map(mergeEvents(events).map((e) => [e.action, readText(root, schemaFileOf(e.action))]));
  const declaredKeys = (action: string) => {
    const existing = schemaReads.get(action);
    const read = existing?.ok && existing.read ? readSchema(schemaFileOf(action), existing.read.text) : null;
    return read?.ok ? read.metadata : [];
  };
  findings.push(...nameWarnings(events, new Set(entries.actions), declaredKeys, registry, schemaFileOf));

  const valid = mergeEvents(events.filter((e) => e.live !== false));
  const idle = [...new Set(events.map((e) => e.action))].filter((action) => !valid.some((e) => e.action === action));
  const registered = addActions(registry, current.text, valid.map((e) => e.action));
  if (!registered.ok) return blocked(registered.error);

  const edits: FileEdit[] = [];
  if (registered.added.length > 0) edits.push({ file: registry, before: current.raw, after: encodeOutput(registered.text, current.like) });

  const actions: ActionRegistration[] = [];
  for (const event of valid) {
    const schemaFile = schemaFileOf(event.action);
    const wanted = buildSchema(event.action, event.targets, event.metadata);
    const outcome = (schema: SchemaChange, added: string[] = []) =>
      actions.push({ action: event.action, registered: registered.added.includes(event.action), schemaFile, schema, added });
    const existing = schemaReads.get(event.action)!;
    if (!existing.ok) {
      findings.push({ file: schemaFile, line: 1, column: 1, step: "schema", severity: "error", message: existing.reason });
      outcome("problem");
    } else if (existing.read === null) {
      edits.push({ file: schemaFile, before: null, after: serializeSchema(wanted) });
      outcome("created");
    } else {
      const merged = mergeSchema(schemaFile, existing.read.text, wanted);
      if (!merged.ok) {
        findings.push(finding(merged.error, "schema"));
        outcome("problem");
      } else if (merged.changed) {
        edits.push({ file: schemaFile, before: existing.read.raw, after: encodeOutput(merged.text, existing.read.like) });
        outcome("merged", merged.added);
      } else {
        outcome("unchanged");
      }
    }
  }
  const changedActions = actions.filter((a) => a.schema === "created" || a.schema === "merged").map((a) => a.action);
  return { edits, findings, changedActions, actions, idle, registryError: null };
}

/**
 * One line per action saying what registration did: `written` holds the files a run wrote, or is
 * null for a dry run (the lines then say what it would do).
 */
export function describeRegistration(config: AuditmodConfig, plan: RegistrationPlan, written: readonly string[] | null): string[] {
  const did = (file: string, verb: string, past: string, what: string) =>
    written === null ? `would ${verb} ${what}` : written.includes(file) ? `${past} ${what}` : `failed to ${verb} ${what}`;
  return plan.actions.map((a) => {
    const parts = [a.registered ? did(config.registry, "register", "registered", `in ${config.registry}`) : `already registered in ${config.registry}`];
    if (a.schema === "created") parts.push(did(a.schemaFile, "create", "created", a.schemaFile));
    if (a.schema === "merged") parts.push(did(a.schemaFile, "add", "added", `${a.added.join(", ")} to ${a.schemaFile}`));
    if (a.schema === "unchanged") parts.push(`${a.schemaFile} is up to date`);
    if (a.schema === "problem") parts.push(`${a.schemaFile} left as it is`);
    return `${a.action}: ${parts.join("; ")}`;
  }).concat(plan.idle.map((action) => `${action}: ${IDLE_LINE}`));
}

/** Said for an action none of whose sites got an emit: registration follows the emits, not the spec. */
export const IDLE_LINE = "registry and schema left as they are: no site got its emit and nothing in the run's files emits it";
