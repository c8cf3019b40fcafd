import { diffLines } from "diff";

/** A replacement of `[start, end)` of the original text. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** The line-level changes that turn `before` into `after`, each in `before`'s offsets (a removal and the addition after it are one change). */
export function textChanges(before: string, after: string): TextChange[] {
  const changes: TextChange[] = [];
  let offset = 0;
  let current: TextChange | null = null;
  for (const part of diffLines(before, after)) {
    if (!part.added && !part.removed) {
      if (current) changes.push(current);
      current = null;
      offset += part.value.length;
      continue;
    }
    current ??= { start: offset, end: offset, text: "" };
    if (part.removed) {
      offset += part.value.length;
      current.end = offset;
    } else {
      current.text += part.value;
    }
  }
  if (current) changes.push(current);
  return changes;
}

/**
 * The changes that belong to one finding: those overlapping its statement `[start, end)`, plus those in
 * the import block (a fixer adds the names its edit uses there), up to `importsEnd`. Empty when the
 * fixer left the statement alone.
 */
export function changesForStatement(changes: readonly TextChange[], start: number, end: number, importsEnd: number): TextChange[] {
  const inStatement = changes.filter((c) => c.start < end && c.end > start);
  if (inStatement.length === 0) return [];
  return changes.filter((c) => inStatement.includes(c) || c.start <= importsEnd);
}
