/** A problem in a registry or schema file, reported as a value: root-relative file, 1-based line and column. */
export interface FileProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** 1-based line and column of a character offset in `text` (columns count UTF-16 units, as editors do). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function problemAt(file: string, text: string, offset: number, message: string): FileProblem {
  return { file, ...lineColumnAt(text, offset), message };
}
