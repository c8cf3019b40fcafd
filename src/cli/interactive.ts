import { colourDiff } from "../engine/diff";
import { applyAcceptedHunks, fileHunks, hunkText } from "../engine/hunks";
import type { ReviewedEdit, ReviewEdit } from "../engine/run";

/** Where the review talks: the hunks and questions go to `write`, each answer is one line read from stdin. */
export interface ReviewIO {
  write(text: string): void;
  /** The next answer, or null at the end of the input (taken as `q`). */
  readLine(): Promise<string | null>;
  color: boolean;
  /** Repeat each answer after its question: a scripted (non-TTY) stdin is not echoed by a terminal. */
  echo: boolean;
}

const HELP = ["y - apply this hunk", "n - do not apply this hunk", "a - apply this hunk and every later hunk of this file", "q - quit; do not apply this hunk or any later one", ""].join("\n");

/**
 * `git add -p` for a run's edits: each hunk is shown and answered y/n/a/q. Returns each edit's text
 * with only its accepted hunks, or null when none was accepted (the file is left untouched).
 */
export async function reviewHunks(edits: readonly ReviewEdit[], io: ReviewIO): Promise<ReviewedEdit[]> {
  const reviewed: ReviewedEdit[] = [];
  let quit = false;
  for (const edit of edits) {
    const patch = fileHunks(edit.before ?? "", edit.after);
    const accepted = patch.hunks.map(() => false);
    let acceptRest = false;
    const header = `diff --git a/${edit.file} b/${edit.file}\n${edit.before === null ? "new file\n" : ""}`;
    if (!quit) io.write(io.color ? colourDiff(header) : header);
    for (let i = 0; i < patch.hunks.length && !quit; i++) {
      if (acceptRest) {
        accepted[i] = true;
        continue;
      }
      const hunk = hunkText(patch.hunks[i]);
      io.write(io.color ? colourDiff(hunk) : hunk);
      for (;;) {
        io.write(`(${i + 1}/${patch.hunks.length}) Apply this hunk to ${edit.file} [y,n,a,q,?]? `);
        const answer = await io.readLine();
        const key = answer === null ? "q" : answer.trim().toLowerCase();
        if (answer === null || io.echo) io.write(`${answer ?? ""}\n`);
        if (key === "y" || key === "a") accepted[i] = true;
        if (key === "a") acceptRest = true;
        if (key === "q") quit = true;
        if (["y", "n", "a", "q"].includes(key)) break;
        io.write(HELP);
      }
    }
    reviewed.push({ ...edit, after: accepted.some(Boolean) ? applyAcceptedHunks(edit.before ?? "", patch, accepted) : null });
  }
  return reviewed;
}

/** Lines of the process's stdin, TTY or not, read only once a question is asked; null at its end. */
export function stdinLineReader(): { readLine(): Promise<string | null>; close(): void } {
  let reader: { rl: import("node:readline").Interface; lines: AsyncIterator<string> } | null = null;
  return {
    async readLine() {
      if (!reader) {
        const readline = require("node:readline") as typeof import("node:readline");
        const rl = readline.createInterface({ input: process.stdin, terminal: false });
        reader = { rl, lines: rl[Symbol.asyncIterator]() };
      }
      const next = await reader.lines.next();
      return next.done ? null : next.value;
    },
    // An open stdin would keep the process alive once the review is over.
    close() {
      reader?.rl.close();
      process.stdin.pause();
    },
  };
}

/** The review of a writing command: answers from `io.readLine` when given (tests), else from stdin. */
export function reviewFromStdin(io: { stdout(text: string): void; isTTY: boolean; readLine?(): Promise<string | null> }) {
  return async (edits: ReviewEdit[]): Promise<ReviewedEdit[]> => {
    const reader = io.readLine ? { readLine: () => io.readLine!(), close: () => undefined } : stdinLineReader();
    try {
      return await reviewHunks(edits, { write: io.stdout, readLine: reader.readLine, color: io.isTTY, echo: !process.stdin.isTTY });
    } finally {
      reader.close();
    }
  };
}
