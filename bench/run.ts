import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { DEFAULT_FILES, DEFAULT_OUT, DEFAULT_SEED, ensureCorpus, flag, PACKAGE_ROOT, positiveInt, type CorpusManifest } from "./generate";

/**
 * `npm run bench`: times auditmod against jscodeshift's own runner, ast-grep and a raw @babel/parser
 * parse, on one generated corpus, in one run. Flags: --files N, --out DIR, --runs R, --json FILE,
 * --only id,id (for a quick look at some tools).
 */

const TIME = "/usr/bin/time";
const AST_GREP_PATTERN = "await emitAuditLogEvent($$$A)";
const AST_GREP_REWRITE = "void emitAuditLogEvent($$$A)";

/** What one tool reports about its run: files changed (or matched), and anything that looks wrong. */
interface Counted {
  changed: number | null;
  detail: string;
  problems: string[];
}

interface Tool {
  id: string;
  label: string;
  /** Executable and arguments, run from the package root. */
  argv: string[];
  /** The same as a Node script, for the RSS wrapper when /usr/bin/time is missing (null: cannot be wrapped). */
  nodeScript: string[] | null;
  count(run: RawRun): Counted;
}

interface RawRun {
  wall: number;
  cpu: number | null;
  rssKb: number | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

interface Measurement {
  id: string;
  label: string;
  command: string;
  walls: number[];
  medianWall: number;
  medianCpu: number | null;
  filesPerSecond: number;
  peakRssMb: number | null;
  changed: number | null;
  detail: string;
  problems: string[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function lastLine(text: string): string {
  return text.trim().split("\n").pop() ?? "";
}

function countAuditmod(run: RawRun): Counted {
  const m = /auditmod: (\d+) would change, (\d+) unchanged, (\d+) skipped, (\d+) errors \((\d+) files, (\d+) parsed/.exec(run.stderr);
  if (!m) return { changed: null, detail: "no summary line", problems: [`no summary on stderr (exit ${run.exitCode}): ${lastLine(run.stderr)}`] };
  const [, changed, , skipped, errors, files, parsed] = m.map(Number);
  const problems: string[] = [];
  if (run.exitCode !== 0) problems.push(`exit code ${run.exitCode}`);
  if (skipped + errors > 0) problems.push(`${skipped} skipped, ${errors} errors`);
  return { changed, detail: `${parsed} of ${files} parsed`, problems };
}

function countJscodeshift(run: RawRun): Counted {
  const m = /(\d+) errors\s+(\d+) unmodified\s+(\d+) skipped\s+(\d+) ok/.exec(run.stdout);
  if (!m) return { changed: null, detail: "no results", problems: [`no "Results:" block (exit ${run.exitCode}): ${lastLine(run.stderr || run.stdout)}`] };
  const [, errors, unmodified, skipped, ok] = m.map(Number);
  const problems: string[] = [];
  if (run.exitCode !== 0) problems.push(`exit code ${run.exitCode}`);
  if (errors + skipped > 0) problems.push(`${errors} errors, ${skipped} skipped`);
  return { changed: ok, detail: `${ok + unmodified + errors + skipped} processed`, problems };
}

/** ast-grep prints each matched file's path as a heading line, then its hunks (`@@ ...` and `N N│ ...` lines). */
function countAstGrep(run: RawRun): Counted {
  const files = new Set<string>();
  let hunks = 0;
  for (const line of run.stdout.split("\n")) {
    if (line.startsWith("@@")) hunks++;
    else if (line !== "" && !line.includes("│")) files.add(line);
  }
  const problems = run.exitCode === 0 ? [] : [`exit code ${run.exitCode}: ${lastLine(run.stderr)}`];
  return { changed: files.size, detail: `${hunks} hunks`, problems };
}

function countBabel(run: RawRun): Counted {
  try {
    const r = JSON.parse(lastLine(run.stdout)) as { files: number; errors: string[]; parseMs: number; readMs: number };
    const problems = r.errors.length > 0 ? [`${r.errors.length} parse errors, first: ${r.errors[0]}`] : [];
    return { changed: null, detail: `${r.files} parsed (parse ${(r.parseMs / 1000).toFixed(2)}s, read ${(r.readMs / 1000).toFixed(2)}s)`, problems };
  } catch {
    return { changed: null, detail: "no result", problems: [`no JSON result (exit ${run.exitCode}): ${lastLine(run.stderr)}`] };
  }
}

function tools(corpus: string): Tool[] {
  const auditmod = ["bin/auditmod.js", "run", "await-to-void", "--dry", "--root", corpus];
  const jscodeshift = ["--dry", "--parser=tsx", "-t", "transforms/await-to-void.ts", corpus];
  const astGrep = ["run", "--pattern", AST_GREP_PATTERN, "--rewrite", AST_GREP_REWRITE, "--lang", "ts", "--color", "never", corpus];
  const floor = ["dist/bench/babel-floor.js", corpus];
  return [
    { id: "auditmod", label: "auditmod run --dry", argv: ["node", ...auditmod], nodeScript: auditmod, count: countAuditmod },
    { id: "no-prefilter", label: "auditmod --no-prefilter", argv: ["node", ...auditmod, "--no-prefilter"], nodeScript: [...auditmod, "--no-prefilter"], count: countAuditmod },
    { id: "jscodeshift", label: "jscodeshift --dry", argv: ["npx", "jscodeshift", ...jscodeshift], nodeScript: ["node_modules/jscodeshift/bin/jscodeshift.js", ...jscodeshift], count: countJscodeshift },
    { id: "ast-grep", label: "ast-grep run (rewrite)", argv: ["node_modules/.bin/ast-grep", ...astGrep], nodeScript: null, count: countAstGrep },
    { id: "babel", label: "raw @babel/parser, 1 thread", argv: ["node", ...floor], nodeScript: floor, count: countBabel },
  ];
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** Runs one command to completion, timing the wall clock here and taking RSS and CPU from time(1) or the wrapper. */
async function runOnce(tool: Tool, useTime: boolean, scratch: string): Promise<RawRun> {
  const usageFile = path.join(scratch, `${tool.id}.usage`);
  fs.rmSync(usageFile, { force: true });
  let argv: string[];
  if (useTime) argv = [TIME, "-f", "%M %U %S", "-o", usageFile, ...tool.argv];
  else if (tool.nodeScript) argv = ["node", "dist/bench/rss-wrapper.js", usageFile, ...tool.nodeScript];
  else argv = tool.argv;
  const started = performance.now();
  const child = spawn(argv[0], argv.slice(1), { cwd: PACKAGE_ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => out.push(b));
  child.stderr.on("data", (b: Buffer) => err.push(b));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
  const wall = (performance.now() - started) / 1000;
  let rssKb: number | null = null;
  let cpu: number | null = null;
  if (fs.existsSync(usageFile)) {
    // time(1) may prefix a "Command exited with non-zero status" line; the figures are on the last one.
    const [rss, user, sys] = lastLine(fs.readFileSync(usageFile, "utf8")).split(/\s+/).map(Number);
    rssKb = Number.isFinite(rss) ? rss : null;
    cpu = Number.isFinite(user + sys) ? user + sys : null;
  }
  return { wall, cpu, rssKb, exitCode, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
}

function machineFacts() {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
}

function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(" ");
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function table(rows: Measurement[]): string {
  const header = ["tool", "wall s (median)", "runs (s)", "cpu s", "files/s", "peak RSS MB", "changed", "notes"];
  const cells = rows.map((m) => [
    m.label,
    m.medianWall.toFixed(2),
    m.walls.map((w) => w.toFixed(2)).join(" / "),
    m.medianCpu === null ? "n/a" : m.medianCpu.toFixed(2),
    Math.round(m.filesPerSecond).toString(),
    m.peakRssMb === null ? "n/a" : m.peakRssMb.toFixed(0),
    m.changed === null ? "-" : String(m.changed),
    m.detail,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => pad(v, widths[i], i >= 1 && i <= 6)).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

interface Ratio {
  name: string;
  value: number;
  target: string | null;
  met: boolean | null;
}

function ratios(byId: Map<string, Measurement>): Ratio[] {
  const out: Ratio[] = [];
  const a = byId.get("auditmod");
  const b = byId.get("no-prefilter");
  const jscs = byId.get("jscodeshift");
  const sg = byId.get("ast-grep");
  const floor = byId.get("babel");
  if (a && jscs) {
    const value = jscs.medianWall / a.medianWall;
    out.push({ name: "auditmod vs jscodeshift (times faster, wall)", value, target: ">= 20", met: value >= 20 });
  }
  if (a && sg) out.push({ name: "auditmod vs ast-grep (times faster, wall; < 1 means ast-grep is faster)", value: sg.medianWall / a.medianWall, target: null, met: null });
  if (b && floor) {
    const value = b.medianWall / floor.medianWall;
    out.push({ name: "auditmod --no-prefilter vs raw babel parse (times slower, wall)", value, target: "<= 1.5", met: value <= 1.5 });
    if (b.medianCpu !== null && floor.medianCpu !== null) out.push({ name: "auditmod --no-prefilter vs raw babel parse (times more CPU)", value: b.medianCpu / floor.medianCpu, target: null, met: null });
  }
  return out;
}

function agreement(rows: Measurement[], manifest: CorpusManifest): string[] {
  const warnings: string[] = [];
  for (const m of rows) {
    if (m.changed !== null && m.changed !== manifest.awaitedFiles) {
      warnings.push(`${m.label}: ${m.changed} files changed/matched, but the corpus has ${manifest.awaitedFiles} files with an awaited emit`);
    }
    for (const p of m.problems) warnings.push(`${m.label}: ${p}`);
  }
  return warnings;
}

async function main(argv: string[]): Promise<number> {
  const files = positiveInt(flag(argv, "files"), "files", DEFAULT_FILES);
  const runs = positiveInt(flag(argv, "runs"), "runs", 3);
  const out = path.resolve(flag(argv, "out") ?? DEFAULT_OUT);
  const jsonFile = flag(argv, "json");
  const only = flag(argv, "only")?.split(",");

  const started = performance.now();
  const { manifest, generated } = ensureCorpus(out, files, DEFAULT_SEED);
  const generateSeconds = (performance.now() - started) / 1000;
  const corpus = path.relative(PACKAGE_ROOT, out) || ".";
  const useTime = fs.existsSync(TIME);
  const machine = machineFacts();
  const selected = tools(corpus).filter((t) => !only || only.includes(t.id));
  const unknown = only?.filter((id) => !tools(corpus).some((t) => t.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`--only: unknown tool ${unknown.join(", ")} (known: ${tools(corpus).map((t) => t.id).join(", ")})`);

  const log = (text: string) => process.stderr.write(`${text}\n`);
  log(`machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}`);
  log(`corpus: ${corpus}: ${manifest.files} files, ${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.lines} lines, ${manifest.awaitedFiles} files with an awaited emit (${manifest.awaitedEmits} emits), ${manifest.voidOnlyFiles} with only voided emits${generated ? ` (generated in ${generateSeconds.toFixed(1)}s)` : " (existing)"}`);
  log(`${runs} rounds, tools interleaved within each round; peak RSS from ${useTime ? `${TIME} -f %M (largest single process of the tree)` : "process.resourceUsage() in a wrapper (main process and its threads)"}`);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-bench-"));
  const raw = new Map<string, RawRun[]>(selected.map((t) => [t.id, []]));
  const loads: string[] = [loadAverage()];
  try {
    for (let round = 1; round <= runs; round++) {
      for (const tool of selected) {
        const run = await runOnce(tool, useTime, scratch);
        raw.get(tool.id)!.push(run);
        const counted = tool.count(run);
        log(`  round ${round}/${runs}  ${pad(tool.label, 30)} ${run.wall.toFixed(2).padStart(7)}s  ${counted.changed ?? "-"} changed  ${counted.detail}${counted.problems.length ? `  !! ${counted.problems.join("; ")}` : ""}`);
      }
      loads.push(loadAverage());
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  const rows: Measurement[] = selected.map((tool) => {
    const all = raw.get(tool.id)!;
    const counts = all.map((r) => tool.count(r));
    const changedValues = new Set(counts.map((c) => c.changed));
    const problems = [...new Set(counts.flatMap((c) => c.problems))];
    if (changedValues.size > 1) problems.push(`changed count differs between runs: ${[...changedValues].join(", ")}`);
    const medianWall = median(all.map((r) => r.wall));
    const cpus = all.map((r) => r.cpu).filter((c): c is number => c !== null);
    const rss = all.map((r) => r.rssKb).filter((r): r is number => r !== null);
    return {
      id: tool.id,
      label: tool.label,
      command: tool.argv.map(shellQuote).join(" "),
      walls: all.map((r) => r.wall),
      medianWall,
      medianCpu: cpus.length === all.length ? median(cpus) : null,
      filesPerSecond: manifest.files / medianWall,
      peakRssMb: rss.length > 0 ? Math.max(...rss) / 1024 : null,
      changed: counts[0].changed,
      detail: counts[0].detail,
      problems,
    };
  });
  const byId = new Map(rows.map((m) => [m.id, m]));
  const computed = ratios(byId);
  const warnings = agreement(rows, manifest);

  const print = (text: string) => process.stdout.write(`${text}\n`);
  print("");
  print(`auditmod benchmark: await-to-void, dry run, ${manifest.files} files (${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.lines} lines; ${manifest.awaitedFiles} to change)`);
  print(`machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}; load average (1/5/15 min) before and after each round: ${loads.join(" | ")}`);
  print(`wall: median of ${runs} runs; cpu: user+sys of the whole process tree (median); peak RSS: largest of the runs${useTime ? ", largest single process" : ""}`);
  print("");
  print(table(rows));
  print("");
  for (const r of computed) {
    const verdict = r.met === null ? "" : r.met ? `  (target ${r.target}: met)` : `  (target ${r.target}: MISSED)`;
    print(`${r.name}: ${r.value.toFixed(2)}x${verdict}`);
  }
  print("");
  print("commands (from the package root):");
  for (const m of rows) print(`  ${m.label}: ${m.command}`);
  for (const w of warnings) print(`WARNING: ${w}`);
  if (warnings.length === 0 && rows.some((m) => m.changed !== null)) print(`all tools agree: ${manifest.awaitedFiles} files changed/matched`);

  if (jsonFile) {
    const report = { date: new Date().toISOString(), machine, loadAverages: loads, corpus: { path: corpus, ...manifest }, runs, rssSource: useTime ? "time -f %M" : "process.resourceUsage", results: rows, ratios: computed, warnings };
    fs.writeFileSync(path.resolve(jsonFile), `${JSON.stringify(report, null, 2)}\n`);
    print(`figures saved to ${jsonFile}`);
  }
  return warnings.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
