import { actionNameProblem, metadataKeyProblem, suggestActionName, suggestMetadataKey } from "../audit/action-name";
import type { Finding } from "../audit/types";

/** Where a spec's names are written, for warnings: a manifest step, a spec file, or command-line flags (line 0). */
export interface NameOrigin {
  file: string;
  /** The spec's path in the file (`steps[2].instrument`), "" for a whole spec file or flags. */
  step: string;
  action: { line: number; column: number };
  metadata: Record<string, { line: number; column: number }>;
}

export interface NamedEvent {
  action: string;
  metadata: string[];
  origin?: NameOrigin;
}

/** Line 0: a finding without a line (the formatter then prints the file alone). */
const NO_LINE = { line: 0, column: 0 };

/** The origin of names given as command-line flags: no file, no line. */
export function commandLineOrigin(keys: readonly string[]): NameOrigin {
  return { file: "command line", step: "", action: NO_LINE, metadata: Object.fromEntries(keys.map((k) => [k, NO_LINE])) };
}

function renameHint(current: string, suggestion: string | null, what: string): string {
  return suggestion ? `; ${what}, so it can still be named "${suggestion}" (the run goes on with "${current}")` : `; ${what} (the run goes on with it)`;
}

/**
 * Existing names are facts: an action already in the registry, or a metadata key its schema already
 * declares, is used as it is. A new name that breaks AUDIT8/AUDIT9 gets a warning naming the
 * conforming one; nothing is refused.
 */
export function nameWarnings(events: readonly NamedEvent[], registered: ReadonlySet<string>, declaredKeys: (action: string) => readonly string[], registryFile: string, schemaFile: (action: string) => string): Finding[] {
  const findings: Finding[] = [];
  for (const event of events) {
    const origin = event.origin ?? commandLineOrigin(event.metadata);
    const at = (position: { line: number; column: number } | undefined, where: string, message: string): Finding => ({
      file: origin.file,
      ...(position ?? NO_LINE),
      step: "names",
      severity: "warning",
      message: `${[origin.step, where].filter(Boolean).join(".")}: ${message}`,
    });
    const actionProblem = registered.has(event.action) ? null : actionNameProblem(event.action);
    if (actionProblem) findings.push(at(origin.action, "action", actionProblem + renameHint(event.action, suggestActionName(event.action), `it is not in ${registryFile} yet`)));
    const declared = declaredKeys(event.action);
    for (const key of event.metadata) {
      const keyProblem = declared.includes(key) ? null : metadataKeyProblem(key);
      if (keyProblem) findings.push(at(origin.metadata[key], `metadata.${key}`, keyProblem + renameHint(key, suggestMetadataKey(key), `${schemaFile(event.action)} does not declare it yet`)));
    }
  }
  return findings;
}
