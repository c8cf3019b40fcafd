import type { AuditConventions } from "./types";

/**
 * Why a file may await its emits (AUDIT1's exception), or null when it may not:
 * a script that exits when its main function returns would drop pending emits.
 */
export function scriptExemption(file: string, source: string, conventions: AuditConventions): string | null {
  if (source.includes("makeScript(")) return "the file is a script (it calls makeScript)";
  const segments = file.split("/").slice(0, -1);
  const dir = segments.find((segment) => conventions.scriptDirs.includes(segment));
  return dir ? `the file is a script (it lies under ${dir}/)` : null;
}
