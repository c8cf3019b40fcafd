/**
 * A unified diff that `git apply` accepts: `file` is the path from the patch's base folder
 * (the git top level), `before` null for a file the run creates.
 */
export function unifiedDiff(file: string, before: string | null, after: string): string {
  const { createTwoFilesPatch } = require("diff") as typeof import("diff");
  const patch = createTwoFilesPatch(before === null ? "/dev/null" : `a/${file}`, `b/${file}`, before ?? "", after, "", "", { context: 3 });
  const body = patch
    .split("\n")
    .filter((line, i) => !(i === 0 && line.startsWith("====")))
    .map((line) => (line.startsWith("--- ") || line.startsWith("+++ ") ? line.replace(/\t$/, "") : line))
    .join("\n");
  const header = before === null ? `diff --git a/${file} b/${file}\nnew file mode 100644\n` : `diff --git a/${file} b/${file}\n`;
  return header + body;
}

/** Colours a unified diff for a terminal. */
export function colourDiff(diff: string): string {
  const pc = require("picocolors") as typeof import("picocolors");
  return diff
    .split("\n")
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---") || line.startsWith("diff --git")) return pc.bold(line);
      if (line.startsWith("+")) return pc.green(line);
      if (line.startsWith("-")) return pc.red(line);
      if (line.startsWith("@@")) return pc.cyan(line);
      return line;
    })
    .join("\n");
}
