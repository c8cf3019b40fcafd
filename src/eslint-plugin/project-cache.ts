import * as path from "node:path";
import { findRoot, loadConfig, type AuditmodConfig } from "../config/config";
import { readProject, type ProjectFacts } from "../check/project";
import { RULES } from "../check/rules";
import { checkProject } from "../check/run-check";
import type { Diagnostic } from "../check/types";

/** What every linted file of one root shares: its config, registry and schemas, and the project diagnostics. */
export interface RootFacts {
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

export function factsFor(root: string): RootFacts {
  let facts = factsOfRoot.get(root);
  if (!facts) {
    const config = loadConfig(root);
    const project = readProject(config);
    facts = { config, project, projectDiagnostics: checkProject(project, RULES) };
    factsOfRoot.set(root, facts);
  }
  return facts;
}

/** Forgets every root (for tools that lint again after the registry changed, and for tests). */
export function clearProjectCache(): void {
  rootOfFolder.clear();
  factsOfRoot.clear();
}
