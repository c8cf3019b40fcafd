import * as fs from "node:fs";
import * as path from "node:path";
import { conventionsFromOptions } from "../src/audit/jscodeshift-adapter";
import { findTransform } from "../src/audit/transforms";
import { reprintFile, spliceFile, type StepSpec } from "../src/engine/pipeline";
import { DEFAULT_CONVENTIONS } from "../src/audit/types";
import fg from "fast-glob";
import { decodeSource, encodeOutput } from "../src/engine/text";

/**
 * How many changing fixture cases the splice printer prints (the rest go to recast's reprint), and why
 * the others were declined. Every spliced output must equal the case's expected output (exit 1 if not).
 * With `--corpus DIR` (a benchmark corpus, or any tree of .ts files) it runs the fixers, instrument and
 * target-builders over the tree instead, and holds every spliced file to recast's reprint of it.
 * Usage: npm run build && node dist/bench/splice-coverage.js [--cases] [--corpus DIR]
 */
function main(listCases: boolean): number {
  const root = path.join(__dirname, "..", "..", "__testfixtures__");
  const declined = new Map<string, string[]>();
  let changing = 0;
  let spliced = 0;
  const wrong: string[] = [];
  for (const folder of fs.readdirSync(root).sort()) {
    const transform = findTransform(folder) ?? findTransform(folder.split("-")[0]);
    if (!transform) continue;
    for (const input of fs.readdirSync(path.join(root, folder)).filter((f) => f.endsWith(".input.ts")).sort()) {
      const base = path.join(root, folder, input.slice(0, -".input.ts".length));
      const read = (ext: string) => (fs.existsSync(base + ext) ? fs.readFileSync(base + ext, "utf8") : null);
      const source = read(".input.ts")!;
      const expected = read(".output.ts");
      if (expected === null || expected === source) continue;
      changing++;
      const options = JSON.parse(read(".options.json") ?? "{}") as Record<string, unknown>;
      const decoded = decodeSource(Buffer.from(source, "utf8"));
      if (!decoded.ok) continue;
      const job = { index: 0, file: `${folder}/${input}`, text: decoded.source.text, steps: [{ name: transform.name, options }], conventions: conventionsFromOptions(options) };
      const attempt = spliceFile(job);
      const name = `${folder}/${path.basename(base)}`;
      if ("declined" in attempt) {
        const reason = `${transform.name}: ${attempt.declined}`;
        declined.set(reason, [...(declined.get(reason) ?? []), name]);
        continue;
      }
      spliced++;
      const output = attempt.outcome.output === undefined ? source : encodeOutput(attempt.outcome.output, decoded.source);
      if (output !== expected) wrong.push(name);
    }
  }
  process.stdout.write(`${spliced} of ${changing} changing fixture cases print by splicing; the rest are reprinted by recast:\n`);
  for (const [reason, cases] of [...declined].sort((a, b) => b[1].length - a[1].length)) {
    process.stdout.write(`${String(cases.length).padStart(5)}  ${reason}\n`);
    if (listCases) for (const name of cases) process.stdout.write(`         ${name}\n`);
  }
  for (const name of wrong) process.stdout.write(`WRONG: the spliced output of ${name} is not its expected output\n`);
  return wrong.length > 0 ? 1 : 0;
}

const CORPUS_RUNS: [string, StepSpec[]][] = [
  ["every fixer", [{ name: "workspace-target" }, { name: "stringify-metadata" }, { name: "audit-context" }, { name: "await-to-void" }]],
  ["instrument *.delete", [{ name: "instrument", options: { action: "resource.deleted", mutation: "*.delete", targets: [] } }]],
  ["target-builders --style builder", [{ name: "target-builders", options: { style: "builder" } }]],
];

/** Splices every file of a tree for each run, and compares with recast's reprint: exit 1 when one differs. */
function corpus(dir: string): number {
  const files = fg.sync("**/*.ts", { cwd: dir, ignore: ["**/node_modules/**", "**/*.d.ts"] }).sort();
  let wrong = 0;
  for (const [name, steps] of CORPUS_RUNS) {
    let changed = 0;
    let spliced = 0;
    const declined = new Map<string, number>();
    for (const file of files) {
      const decoded = decodeSource(fs.readFileSync(path.join(dir, file)));
      if (!decoded.ok) continue;
      const job = { index: 0, file, text: decoded.source.text, steps, conventions: DEFAULT_CONVENTIONS };
      const attempt = spliceFile(job);
      if ("declined" in attempt) {
        changed++;
        declined.set(attempt.declined, (declined.get(attempt.declined) ?? 0) + 1);
      } else if (attempt.outcome.status === "changed") {
        changed++;
        spliced++;
        if (attempt.outcome.output !== reprintFile(job).output) {
          wrong++;
          process.stdout.write(`WRONG: ${name}: the spliced output of ${file} is not recast's reprint\n`);
        }
      }
    }
    process.stdout.write(`${name}: ${spliced} of ${changed} changed files spliced (of ${files.length})\n`);
    for (const [reason, count] of [...declined].sort((a, b) => b[1] - a[1])) process.stdout.write(`${String(count).padStart(7)}  ${reason}\n`);
  }
  return wrong > 0 ? 1 : 0;
}

// Piped into `head`: stop quietly when the reader has gone.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit();
  throw error;
});

const corpusAt = process.argv.indexOf("--corpus");
process.exitCode = corpusAt >= 0 ? corpus(process.argv[corpusAt + 1]) : main(process.argv.includes("--cases"));
