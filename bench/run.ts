import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { DEFAULT_FILES, DEFAULT_OUT, DEFAULT_SEED, DENSE, ensureCorpus, flag, PACKAGE_ROOT, positiveInt, SPARSE, type CorpusManifest } from "./generate";

/**
 * `npm run bench`: times auditmod against jscodeshift's own runner, ast-grep and a raw @babel/parser
 * parse, on two generated corpora (1 file in 50 changes; 1 small file in 3 changes), in one run.
 * Flags: --files N, --dense-files N, --out DIR, --runs R, --json FILE, --only id,id (a quick look at some tools).
 */

const TIME = "/usr/bin/time";
const AST_GREP_PATTERN = "await emitAuditLogEvent($$$A)";
const AST_GREP_REWRITE = "void emitAuditLogEvent($$$A)";
const DEFAULT_DENSE_FILES = 1500;

/** What one tool reports about its run: files changed (or matched), and anything that looks wrong. */
interface Counted {
  changed: number | null;
  detail: string;
  problems: string[];
}

interface Tool {
  /** `<corpus>/<tool>`, e.g. `sparse/auditmod`. */
  id: string;
  label: string;
  /** True when the files it changes (or matches) must be the corpus's files with an awaited emit. */
  countsAwaited: boolean;
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
  corpus: string;
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
    const r = JSON.parse(lastLine(run.stdout)) as { files: number; parsed: number; errors: string[]; parseMs: number; readMs: number };
    const problems = r.errors.length > 0 ? [`${r.errors.length} parse errors, first: ${r.errors[0]}`] : [];
    const what = r.parsed === r.files ? `${r.files} parsed` : `${r.files} read, ${r.parsed} parsed twice`;
    return { changed: null, detail: `${what} (parse ${(r.parseMs / 1000).toFixed(2)}s, read ${(r.readMs / 1000).toFixed(2)}s)`, problems };
  } catch {
    return { changed: null, detail: "no result", problems: [`no JSON result (exit ${run.exitCode}): ${lastLine(run.stderr)}`] };
  }
}

/**
 * The ast-grep binary that runs: npm may have skipped @ast-grep/cli's postinstall (which links the
 * platform package's binary into place), so the platform packages are tried too. Null: none runs.
 */
function astGrepBinary(): string | null {
  const exe = process.platform === "win32" ? "ast-grep.exe" : "ast-grep";
  const scope = path.join(PACKAGE_ROOT, "node_modules", "@ast-grep");
  const platformDirs = fs.existsSync(scope) ? fs.readdirSync(scope).filter((d) => d.startsWith(`cli-${process.platform}-${process.arch}`)) : [];
  const candidates = [path.join(PACKAGE_ROOT, "node_modules", ".bin", exe), path.join(scope, "cli", exe), ...platformDirs.map((d) => path.join(scope, d, exe))];
  for (const candidate of candidates) {
    if (!fs.existsSync(candidate)) continue;
    const probe = spawnSync(candidate, ["--version"], { encoding: "utf8" });
    if (probe.status === 0 && /ast-grep/.test(probe.stdout)) return path.relative(PACKAGE_ROOT, candidate);
  }
  return null;
}

function corpusTools(name: string, corpus: string, astGrep: string | null, full: boolean): Tool[] {
  const auditmod = ["bin/auditmod.js", "run", "await-to-void", "--dry", "--root", corpus];
  const typecheck = ["bin/auditmod.js", "run", "stringify-metadata", "--typecheck", "--dry", "--root", corpus];
  const jscodeshift = ["--dry", "--parser=tsx", "-t", "transforms/await-to-void.ts", corpus];
  const astGrepArgs = ["run", "--pattern", AST_GREP_PATTERN, "--rewrite", AST_GREP_REWRITE, "--lang", "ts", "--color", "never", corpus];
  const floor = ["dist/bench/babel-floor.js", corpus];
  const tools: Tool[] = [
    { id: `${name}/auditmod`, label: "auditmod run --dry", countsAwaited: true, argv: ["node", ...auditmod], nodeScript: auditmod, count: countAuditmod },
    { id: `${name}/jscodeshift`, label: "jscodeshift --dry", countsAwaited: true, argv: ["npx", "jscodeshift", ...jscodeshift], nodeScript: ["node_modules/jscodeshift/bin/jscodeshift.js", ...jscodeshift], count: countJscodeshift },
  ];
  if (astGrep) tools.push({ id: `${name}/ast-grep`, label: "ast-grep run (rewrite)", countsAwaited: true, argv: [astGrep, ...astGrepArgs], nodeScript: null, count: countAstGrep });
  if (!full) {
    // What no Node tool that parses with babel and checks its output can go below: start, read everything, parse each changing file twice.
    const changingFloor = [...floor, "--holding", "await emitAuditLogEvent", "--twice"];
    tools.push({ id: `${name}/floor`, label: "floor: babel, changing files x2", countsAwaited: false, argv: ["node", ...changingFloor], nodeScript: changingFloor, count: countBabel });
    // The main job, for the record (no other tool does it): an emit after every `*.delete` call's success path.
    const instrument = ["bin/auditmod.js", "instrument", "--action", "resource.deleted", "--mutation", "*.delete", "--dry", "--root", corpus];
    tools.push({ id: `${name}/instrument`, label: "auditmod instrument *.delete --dry", countsAwaited: false, argv: ["node", ...instrument], nodeScript: instrument, count: countAuditmod });
  }
  if (full) {
    tools.push(
      { id: `${name}/no-prefilter`, label: "auditmod --no-prefilter", countsAwaited: true, argv: ["node", ...auditmod, "--no-prefilter"], nodeScript: [...auditmod, "--no-prefilter"], count: countAuditmod },
      { id: `${name}/babel`, label: "raw @babel/parser, 1 thread", countsAwaited: false, argv: ["node", ...floor], nodeScript: floor, count: countBabel },
      { id: `${name}/typecheck`, label: "stringify-metadata --typecheck", countsAwaited: false, argv: ["node", ...typecheck], nodeScript: typecheck, count: countAuditmod },
    );
  }
  return tools;
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** Runs one command to completion, timing the wall clock here and taking RSS and CPU from time(1) or the wrapper. */
async function runOnce(tool: Tool, useTime: boolean, scratch: string): Promise<RawRun> {
  const usageFile = path.join(scratch, `${tool.id.replace(/\//g, "-")}.usage`);
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
  const wall = (id: string) => byId.get(id)?.medianWall;
  const push = (name: string, value: number | undefined, target: string | null, met: ((v: number) => boolean) | null) => {
    if (value !== undefined && Number.isFinite(value)) out.push({ name, value, target, met: met ? met(value) : null });
  };
  const ratio = (a: string, b: string) => {
    const x = wall(a);
    const y = wall(b);
    return x !== undefined && y !== undefined ? x / y : undefined;
  };
  push("1 in 50: auditmod / ast-grep (wall)", ratio("sparse/auditmod", "sparse/ast-grep"), "<= 0.8", (v) => v <= 0.8);
  push("1 in 50: jscodeshift / auditmod (wall, times faster)", ratio("sparse/jscodeshift", "sparse/auditmod"), ">= 25", (v) => v >= 25);
  push("1 in 3 small: jscodeshift / auditmod (wall, times faster)", ratio("dense/jscodeshift", "dense/auditmod"), ">= 8", (v) => v >= 8);
  push("1 in 3 small: auditmod / ast-grep (wall)", ratio("dense/auditmod", "dense/ast-grep"), "<= 3", (v) => v <= 3);
  push("1 in 3 small: jscodeshift / floor (wall, the most any babel-based tool could reach)", ratio("dense/jscodeshift", "dense/floor"), null, null);
  push("1 in 3 small: auditmod / floor (wall)", ratio("dense/auditmod", "dense/floor"), null, null);
  push("--no-prefilter / raw babel parse (wall)", ratio("sparse/no-prefilter", "sparse/babel"), "<= 1.5", (v) => v <= 1.5);
  const cpu = (id: string) => byId.get(id)?.medianCpu ?? undefined;
  const np = cpu("sparse/no-prefilter");
  const floor = cpu("sparse/babel");
  push("--no-prefilter / raw babel parse (cpu)", np !== undefined && floor !== undefined ? np / floor : undefined, null, null);
  for (const id of ["sparse/auditmod", "sparse/no-prefilter", "sparse/typecheck"]) {
    const m = byId.get(id);
    if (m && m.peakRssMb !== null) push(`peak RSS MB of ${id} (${Math.round(m.filesPerSecond * m.medianWall)} files)`, m.peakRssMb, "<= 250", (v) => v <= 250);
  }
  return out;
}

function agreement(rows: Measurement[], manifests: Map<string, CorpusManifest>, tools: Map<string, Tool>): string[] {
  const warnings: string[] = [];
  for (const m of rows) {
    const manifest = manifests.get(m.corpus)!;
    if (tools.get(m.id)!.countsAwaited && m.changed !== manifest.awaitedFiles) {
      warnings.push(`${m.id}: ${m.changed} files changed/matched, but the corpus has ${manifest.awaitedFiles} files with an awaited emit`);
    }
    for (const p of m.problems) warnings.push(`${m.id}: ${p}`);
  }
  return warnings;
}

function describeCorpus(name: string, corpus: string, m: CorpusManifest): string {
  return `${name} corpus ${corpus}: ${m.files} files of ${m.minLines}-${m.maxLines} lines, ${(m.bytes / 1e6).toFixed(1)} MB, ${m.lines} lines; ${m.awaitedFiles} with an awaited emit (to change: 1 in ${Math.round(m.files / Math.max(1, m.awaitedFiles))}), ${m.voidOnlyFiles} with only voided emits`;
}

async function main(argv: string[]): Promise<number> {
  const files = positiveInt(flag(argv, "files"), "files", DEFAULT_FILES);
  const denseFiles = positiveInt(flag(argv, "dense-files"), "dense-files", DEFAULT_DENSE_FILES);
  const runs = positiveInt(flag(argv, "runs"), "runs", 3);
  const out = path.resolve(flag(argv, "out") ?? DEFAULT_OUT);
  const jsonFile = flag(argv, "json");
  const only = flag(argv, "only")?.split(",");
  const log = (text: string) => process.stderr.write(`${text}\n`);

  const corpora = [
    { name: "sparse", dir: out, shape: { files, ...SPARSE }, full: true },
    { name: "dense", dir: `${out}-dense`, shape: { files: denseFiles, ...DENSE }, full: false },
  ];
  const manifests = new Map<string, CorpusManifest>();
  const relDirs = new Map<string, string>();
  for (const c of corpora) {
    const started = performance.now();
    const { manifest, generated } = ensureCorpus(c.dir, c.shape, DEFAULT_SEED);
    manifests.set(c.name, manifest);
    relDirs.set(c.name, path.relative(PACKAGE_ROOT, c.dir) || ".");
    log(`${describeCorpus(c.name, relDirs.get(c.name)!, manifest)}${generated ? ` (generated in ${((performance.now() - started) / 1000).toFixed(1)}s)` : " (existing)"}`);
  }
  const astGrep = astGrepBinary();
  const warnings: string[] = astGrep ? [] : ["ast-grep: no runnable binary in node_modules/@ast-grep (npm install @ast-grep/cli); its rows are missing"];
  const versions = {
    node: process.version,
    jscodeshift: (require("jscodeshift/package.json") as { version: string }).version,
    babelParser: (require("@babel/parser/package.json") as { version: string }).version,
    recast: (require("recast/package.json") as { version: string }).version,
    astGrep: astGrep ? spawnSync(path.join(PACKAGE_ROOT, astGrep), ["--version"], { encoding: "utf8" }).stdout.trim() : null,
  };
  const all = corpora.flatMap((c) => corpusTools(c.name, relDirs.get(c.name)!, astGrep, c.full));
  const unknown = only?.filter((id) => !all.some((t) => t.id === id || t.id.endsWith(`/${id}`) || t.id.startsWith(`${id}/`))) ?? [];
  if (unknown.length > 0) throw new Error(`--only: unknown tool ${unknown.join(", ")} (known: ${all.map((t) => t.id).join(", ")})`);
  const selected = all.filter((t) => !only || only.some((id) => t.id === id || t.id.endsWith(`/${id}`) || t.id.startsWith(`${id}/`)));
  const toolsById = new Map(selected.map((t) => [t.id, t]));
  const useTime = fs.existsSync(TIME);
  const machine = machineFacts();

  log(`machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}`);
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
        log(`  round ${round}/${runs}  ${pad(tool.id, 22)} ${run.wall.toFixed(2).padStart(7)}s  ${counted.changed ?? "-"} changed  ${counted.detail}${counted.problems.length ? `  !! ${counted.problems.join("; ")}` : ""}`);
      }
      loads.push(loadAverage());
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  const rows: Measurement[] = selected.map((tool) => {
    const runsOf = raw.get(tool.id)!;
    const counts = runsOf.map((r) => tool.count(r));
    const changedValues = new Set(counts.map((c) => c.changed));
    const problems = [...new Set(counts.flatMap((c) => c.problems))];
    if (changedValues.size > 1) problems.push(`changed count differs between runs: ${[...changedValues].join(", ")}`);
    const medianWall = median(runsOf.map((r) => r.wall));
    const cpus = runsOf.map((r) => r.cpu).filter((c): c is number => c !== null);
    const rss = runsOf.map((r) => r.rssKb).filter((r): r is number => r !== null);
    const corpus = tool.id.split("/")[0];
    return {
      id: tool.id,
      corpus,
      label: tool.label,
      command: tool.argv.map(shellQuote).join(" "),
      walls: runsOf.map((r) => r.wall),
      medianWall,
      medianCpu: cpus.length === runsOf.length ? median(cpus) : null,
      filesPerSecond: manifests.get(corpus)!.files / medianWall,
      peakRssMb: rss.length > 0 ? Math.max(...rss) / 1024 : null,
      changed: counts[0].changed,
      detail: counts[0].detail,
      problems,
    };
  });
  const byId = new Map(rows.map((m) => [m.id, m]));
  const computed = ratios(byId);
  warnings.push(...agreement(rows, manifests, toolsById));

  const print = (text: string) => process.stdout.write(`${text}\n`);
  print("");
  print(`auditmod benchmark: await-to-void (and stringify-metadata --typecheck), dry runs`);
  print(`machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}; ast-grep ${versions.astGrep ?? "n/a"}, jscodeshift ${versions.jscodeshift}`);
  print(`load average (1/5/15 min) before and after each round: ${loads.join(" | ")}`);
  print(`wall: median of ${runs} runs; cpu: user+sys of the whole process tree (median); peak RSS: largest of the runs${useTime ? ", largest single process" : ""}`);
  for (const c of corpora) {
    const rowsOf = rows.filter((m) => m.corpus === c.name);
    if (rowsOf.length === 0) continue;
    print("");
    print(describeCorpus(c.name, relDirs.get(c.name)!, manifests.get(c.name)!));
    print(table(rowsOf));
  }
  print("");
  for (const r of computed) {
    const verdict = r.met === null ? "" : r.met ? `  (target ${r.target}: met)` : `  (target ${r.target}: MISSED)`;
    print(`${r.name}: ${r.value.toFixed(2)}${r.name.includes("RSS") ? "" : "x"}${verdict}`);
  }
  print("");
  print("commands (from the package root):");
  for (const m of rows) print(`  ${m.id}: ${m.command}`);
  for (const w of warnings) print(`WARNING: ${w}`);
  if (warnings.length === 0) print("all tools agree on the files to change");

  if (jsonFile) {
    const report = {
      date: new Date().toISOString(),
      machine,
      versions,
      loadAverages: loads,
      corpora: Object.fromEntries(corpora.map((c) => [c.name, { path: relDirs.get(c.name), ...manifests.get(c.name)! }])),
      runs,
      rssSource: useTime ? "time -f %M" : "process.resourceUsage",
      results: rows,
      ratios: computed,
      warnings,
    };
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
