import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import fg from "fast-glob";
import { ALWAYS_IGNORED, SOURCE_EXTENSIONS } from "../src/engine/discover";
import { babelOptions, parserFor } from "../src/engine/parse";

/**
 * The floor for `auditmod run --no-prefilter`: list, read and `@babel/parser`-parse every file of a
 * folder on one thread, with the options the engine's probe parse uses (no tokens), and nothing else.
 * With `--holding TEXT --twice`, the floor for a run where files change: every file is read, and those
 * holding TEXT are parsed twice, as the engine parses a changed file (for the edit, then the check).
 * Usage: node dist/bench/babel-floor.js <dir> [--holding TEXT] [--twice]; prints one JSON line.
 */
function main(dir: string, holding: string | null, twice: boolean): void {
  const started = performance.now();
  const babel = require("@babel/parser") as typeof import("@babel/parser");
  const options = { ts: babelOptions("ts", false), tsx: babelOptions("tsx", false) };
  const check = { ts: babelOptions("ts", false, "legacy", false), tsx: babelOptions("tsx", false, "legacy", false) };
  const loaded = performance.now();
  const files = fg.sync(`**/*.{${SOURCE_EXTENSIONS.join(",")}}`, { cwd: dir, ignore: ALWAYS_IGNORED, onlyFiles: true });
  const listed = performance.now();
  let bytes = 0;
  let readMs = 0;
  let parseMs = 0;
  const errors: string[] = [];
  let parsed = 0;
  for (const file of files) {
    const t0 = performance.now();
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    const t1 = performance.now();
    try {
      if (holding === null || text.includes(holding)) {
        parsed++;
        babel.parse(text, options[parserFor(file)]);
        if (twice) babel.parse(text, check[parserFor(file)]);
      }
    } catch (error) {
      errors.push(`${file}: ${(error as Error).message}`);
    }
    parseMs += performance.now() - t1;
    readMs += t1 - t0;
    bytes += text.length;
  }
  const round = (ms: number) => Math.round(ms);
  const result = { files: files.length, parsed, bytes, errors, loadMs: round(loaded - started), listMs: round(listed - loaded), readMs: round(readMs), parseMs: round(parseMs) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (errors.length > 0) process.exitCode = 1;
}

const holdingAt = process.argv.indexOf("--holding");
main(process.argv[2] ?? ".", holdingAt >= 0 ? process.argv[holdingAt + 1] : null, process.argv.includes("--twice"));
