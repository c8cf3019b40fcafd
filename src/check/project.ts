import * as fs from "node:fs";
import * as path from "node:path";
import type { AuditmodConfig } from "../config/config";
import { readRegistry } from "../registry/registry";
import { readSchema } from "../registry/schema";
import type { FileProblem } from "../registry/position";
import { lineColumnAt } from "../registry/position";

/** A registered action and where its entry is written. */
export interface RegistryEntry {
  action: string;
  line: number;
  column: number;
}

export interface RegistryFacts {
  /** Root-relative path of the registry file. */
  file: string;
  /** Its text, for `auditmod-ignore` comments; null when it could not be read. */
  text: string | null;
  /** The registered actions, or null when the registry could not be read (the reason is a problem). */
  entries: RegistryEntry[] | null;
}

/** A name written in a file, and where (1-based). */
export interface Located<T> {
  value: T;
  line: number;
  column: number;
}

/** What a readable schema file declares (`readSchema`), with positions for diagnostics. */
export interface SchemaContent {
  /** Its `"action"`. */
  declared: Located<string>;
  /** Where `"targets"` is written (else where the action is). */
  targetsAt: { line: number; column: number };
  /** Target types in order. */
  targets: string[];
  /** Metadata keys, each at its key. */
  metadata: Located<string>[];
}

export interface SchemaFacts {
  /** Root-relative path. */
  file: string;
  /** The action the file name gives (`<action>.json`). */
  action: string;
  /** Null when the file cannot be read as a schema (the reason is one of the project's problems). */
  content: SchemaContent | null;
}

/** The registry and the schema files, read once per check. */
export interface ProjectFacts {
  registry: RegistryFacts;
  /** Root-relative schema folder. */
  schemasDir: string;
  schemas: SchemaFacts[];
  /**
   * What stops a registry or schema file from being read: one error each, under the rule the message
   * names (`AUDIT5: ...` from `readSchema`), else AUDIT3.
   */
  problems: FileProblem[];
}

/** True when `action` is registered; null when the registry could not be read (then nothing is claimed). */
export function isRegistered(project: ProjectFacts, action: string): boolean | null {
  return project.registry.entries === null ? null : project.registry.entries.some((e) => e.action === action);
}

/** The schema file of `action` (`<schemasDir>/<action>.json`), if there is one. */
export function schemaFor(project: ProjectFacts, action: string): SchemaFacts | undefined {
  return project.schemas.find((s) => s.action === action);
}

export function schemaPath(project: ProjectFacts, action: string): string {
  return `${project.schemasDir}/${action}.json`;
}

/**
 * Where an action's entry is written. `readRegistry` names the actions, not their positions, so the
 * entry is found as the first quoted occurrence of the action in the text (1:1 when absent).
 */
function entryPosition(text: string, action: string): { line: number; column: number } {
  for (const quote of ['"', "'", "`"]) {
    const at = text.indexOf(`${quote}${action}${quote}`);
    if (at !== -1) return lineColumnAt(text, at);
  }
  return { line: 1, column: 1 };
}

/** The registry's entries from its text (`readRegistry`), or the problem that stops reading it. */
export function registryFactsFromText(file: string, text: string): { registry: RegistryFacts; problems: FileProblem[] } {
  const read = readRegistry(file, text);
  if (!read.ok) return { registry: { file, text, entries: null }, problems: [{ ...read.error, message: `cannot read the action registry: ${read.error.message}` }] };
  return { registry: { file, text, entries: read.actions.map((action) => ({ action, ...entryPosition(text, action) })) }, problems: [] };
}

export function readRegistryFacts(root: string, file: string): { registry: RegistryFacts; problems: FileProblem[] } {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, file), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { registry: { file, text: null, entries: null }, problems: [{ file, line: 1, column: 1, message: `cannot read the action registry: ${code}` }] };
  }
  return registryFactsFromText(file, text);
}

/** Where the JSON key `key` is written at or after `from`, or null. */
function keyPosition(text: string, key: string, from = 0): { offset: number; line: number; column: number } | null {
  const re = new RegExp(`${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*:`, "g");
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { offset: m.index, ...lineColumnAt(text, m.index) } : null;
}

/**
 * A schema file's facts from its text: `readSchema` reads it; only the positions of `"targets"` and
 * of each metadata key (which `readSchema` does not give) are found here, as the first such key in the text.
 */
export function schemaFactsFromText(file: string, text: string): { schema: SchemaFacts; problems: FileProblem[] } {
  const action = path.posix.basename(file, ".json");
  const read = readSchema(file, text);
  if (!read.ok) return { schema: { file, action, content: null }, problems: [read.error] };
  const declared = { value: read.action, ...read.actionAt };
  const targets = keyPosition(text, "targets");
  const metadataStart = keyPosition(text, "metadata")?.offset ?? 0;
  return {
    schema: {
      file,
      action,
      content: {
        declared,
        targetsAt: targets ? { line: targets.line, column: targets.column } : read.actionAt,
        targets: read.targets,
        metadata: read.metadata.map((key) => {
          const at = keyPosition(text, key, metadataStart);
          return { value: key, line: at?.line ?? read.actionAt.line, column: at?.column ?? read.actionAt.column };
        }),
      },
    },
    problems: [],
  };
}

/** Every `<schemasDir>/*.json` (a missing folder holds none), read once. */
export function readSchemaFacts(root: string, schemasDir: string): { schemas: SchemaFacts[]; problems: FileProblem[] } {
  const dir = path.join(root, schemasDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return { schemas: [], problems: [] };
  const schemas: SchemaFacts[] = [];
  const problems: FileProblem[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    const file = `${schemasDir}/${name}`;
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, name), "utf8").replace(/^\uFEFF/, "");
    } catch (error) {
      schemas.push({ file, action: name.slice(0, -".json".length), content: null });
      problems.push({ file, line: 1, column: 1, message: `cannot read the schema: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      continue;
    }
    const facts = schemaFactsFromText(file, text);
    schemas.push(facts.schema);
    problems.push(...facts.problems);
  }
  return { schemas, problems };
}

/** Reads the registry and every schema file once. */
export function readProject(config: AuditmodConfig): ProjectFacts {
  const { registry, problems } = readRegistryFacts(config.root, config.registry);
  const schemas = readSchemaFacts(config.root, config.schemasDir);
  return { registry, schemasDir: config.schemasDir, schemas: schemas.schemas, problems: [...problems, ...schemas.problems] };
}
