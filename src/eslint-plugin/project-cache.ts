import * as fs from "node:fs";
import * as path from "node:path";
import { findRoot, loadConfig, type AuditmodConfig } from "../config/config";
import { readProject, type ProjectFacts } from "../check/project";
import { loadConventions, withModuleConventions } from "../engine/conventions";
import { RULES } from "../check/rules";
import { checkProject } from "../check/run-check";
import type { Diagnostic } from "../check/types";

/** What every linted file of one root shares: its config, registry and schemas, and the project diagnostics. */
export interface RootFacts {
  /** The registry's and the schema folder's modification times when read: an editor's long-lived ESLint reads them again once they change. */
  signature: string;
  config: AuditmodConfig;
  project: ProjectFacts;
  projectDiagnostics: Diagnostic[];
}

// One lint run (one process) reads each root's registry and schemas once; the cache lives in the plugin layer only.
const rootOfFolder = new Map<string, string | null>();
const factsOfRoot = new Map<string, RootFacts>();

/** The front root above a linted file, or null when it lies in none (then the plugin says nothing). */
export function rootFor(filename: string, explicitRoot: string | undefined): string | null {
  if (explicitRoot !== undefined) return findRoot(explicitRoot);
  const folder = path.dirname(path.resolve(filename));
  if (!rootOfFolder.has(folder)) {
    let root: string | null;
    try {
      root = findRoot(undefined, folder);
    } catch {
      root = null;
    }
    rootOfFolder.set(folder, root);
  }
  return rootOfFolder.get(folder)!;
}

function modified(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function signatureOf(config: AuditmodConfig): string {
  return `${modified(path.join(config.root, config.registry))}:${modified(path.join(config.root, config.schemasDir))}`;
}

/** The root's facts, read once per lint run (again only when the registry or the schema folder changed since). */
export function factsFor(root: string): RootFacts {
  let facts = factsOfRoot.get(root);
  if (!facts || signatureOf(facts.config) !== facts.signature) {
    const bare = loadConfig(root);
    // The audit module's conventions, as `check` reads them (its notice, if any, is check's to say).
    const config = withModuleConventions(bare, loadConventions(bare));
    const signature = signatureOf(config);
    const project = readProject(config);
    facts = { signature, config, project, projectDiagnostics: checkProject(project, RULES) };
    factsOfRoot.set(root, facts);
  }
  return facts;
}

/** Forgets every root (for tools that lint again after the registry changed, and for tests). */
export function clearProjectCache(): void {
  rootOfFolder.clear();
  factsOfRoot.clear();
}
