import type { StructuredPatch } from "diff";

// `diff` loads only when a run reviews hunks (--interactive): start-up stays light.
const differ = () => require("diff") as typeof import("diff");

export type Hunk = StructuredPatch["hunks"][number];

/** A file's change cut into hunks (3 lines of context, as the unified diffs). */
export function fileHunks(before: string, after: string): StructuredPatch {
  return differ().structuredPatch("a", "b", before, after, "", "", { context: 3 });
}

/** `before` with only the accepted hunks of `patch` applied (each hunk's line endings kept as the new text has them). */
export function applyAcceptedHunks(before: string, patch: StructuredPatch, accepted: readonly boolean[]): string {
  const result = differ().applyPatch(before, { ...patch, hunks: patch.hunks.filter((_, i) => accepted[i]) });
  if (result === false) throw new Error("a hunk no longer applies to the text it was computed from");
  return result;
}

/** A hunk as a unified diff shows it: the `@@` header, then its lines. */
export function hunkText(hunk: Hunk): string {
  // As in unified diffs: an empty side names the line before it (`-0,0` for a new file).
  const start = (line: number, count: number) => (count === 0 ? line - 1 : line);
  const header = `@@ -${start(hunk.oldStart, hunk.oldLines)},${hunk.oldLines} +${start(hunk.newStart, hunk.newLines)},${hunk.newLines} @@`;
  return [header, ...hunk.lines.map((l) => l.replace(/\r$/, ""))].join("\n") + "\n";
}
