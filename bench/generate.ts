import * as fs from "node:fs";
import * as path from "node:path";
import { createRng, type Rng } from "./prng";
import { auditRegistry, honoRoutes, newFileState, nextHandler, RESOURCES, resourceClass, resultLib, utilModule, type EmitMode, type FileState, type Resource } from "./templates";

/** Bumped whenever the templates change, so `run` regenerates a stale corpus. */
export const GENERATOR_VERSION = 2;
export const MANIFEST = "corpus.json";
export const DEFAULT_FILES = 5000;
export const DEFAULT_SEED = 20240611;
export const PACKAGE_ROOT = packageRoot(__dirname);
export const DEFAULT_OUT = path.join(PACKAGE_ROOT, "bench", "corpus");

/** The folder holding package.json above `dir`: the same whether this runs from bench/ or dist/bench/. */
function packageRoot(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, "package.json"))) return d;
    if (path.dirname(d) === d) return process.cwd();
  }
}

/** How a corpus is drawn: how many files, how often one awaits an emit (the violation) or voids them all, how long files are. */
export interface CorpusShape {
  files: number;
  awaitRate: number;
  voidRate: number;
  minLines: number;
  maxLines: number;
}

/** About 1 file in 50 awaits an emit; a few more already `void` theirs; 50 to 600 lines. */
export const SPARSE: Omit<CorpusShape, "files"> = { awaitRate: 1 / 50, voidRate: 1 / 40, minLines: 50, maxLines: 600 };
/** Small files, 1 in 3 of which awaits an emit: where the cost of each changed file shows. */
export const DENSE: Omit<CorpusShape, "files"> = { awaitRate: 1 / 3, voidRate: 1 / 40, minLines: 30, maxLines: 120 };

/** What was written: the benchmark checks every tool's count of changed files against `awaitedFiles`. */
export interface CorpusManifest extends CorpusShape {
  generatorVersion: number;
  seed: number;
  bytes: number;
  lines: number;
  awaitedFiles: number;
  awaitedEmits: number;
  voidOnlyFiles: number;
}

type Kind = "next" | "hono" | "lib" | "resource" | "util";

const KINDS: { kind: Kind; weight: number; write: (s: FileState, r: Resource, target: number) => string }[] = [
  { kind: "next", weight: 30, write: nextHandler },
  { kind: "hono", weight: 15, write: honoRoutes },
  { kind: "lib", weight: 20, write: resultLib },
  { kind: "resource", weight: 10, write: resourceClass },
  { kind: "util", weight: 25, write: utilModule },
];

const SUBROUTES = ["index", "settings", "members", "usage", "export", "sync", "permissions", "history", "status", "preview"];

function pickKind(rng: Rng, emitMode: EmitMode): (typeof KINDS)[number] {
  const kinds = emitMode === "none" ? KINDS : KINDS.filter((k) => k.kind !== "util");
  let roll = rng.next() * kinds.reduce((sum, k) => sum + k.weight, 0);
  for (const k of kinds) {
    roll -= k.weight;
    if (roll < 0) return k;
  }
  return kinds[kinds.length - 1];
}

/** Log-uniform between the bounds: many small modules, a tail of long ones, as in a real app. */
function targetLines(rng: Rng, shape: CorpusShape): number {
  return Math.round(Math.exp(Math.log(shape.minLines) + rng.next() * (Math.log(shape.maxLines) - Math.log(shape.minLines))));
}

function filePath(kind: Kind, r: Resource, rng: Rng, i: number): string {
  const sub = rng.pick(SUBROUTES);
  switch (kind) {
    case "next":
      return `pages/api/w/[wId]/${r.plural}/[${r.idParam}]/${sub}_${i}.ts`;
    case "hono":
      return `api/hono/${r.plural}/${sub}_${i}.ts`;
    case "lib":
      return `lib/api/${r.plural}/${sub}_${i}.ts`;
    case "resource":
      return `lib/resources/${r.name}/${r.name}_${sub}_${i}.ts`;
    case "util":
      return `lib/utils/${rng.pick(["format", "collections", "time", "text", "net"])}/${sub}_${i}.ts`;
  }
}

// What `--typecheck` needs: the checker resolves `@app/...` imports from the corpus root.
const TSCONFIG = {
  compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, noEmit: true, types: [], baseUrl: ".", paths: { "@app/*": ["./*"] } },
  include: ["**/*.ts"],
};

/** Writes `shape.files` source files (the audit registry included) under `out`, deterministically from `seed`. */
export function generateCorpus(out: string, shape: CorpusShape, seed = DEFAULT_SEED): CorpusManifest {
  const { files } = shape;
  if (files < 1) throw new Error(`--files must be at least 1, got ${files}`);
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0 && !fs.existsSync(path.join(out, MANIFEST))) {
    throw new Error(`${out} is not empty and holds no ${MANIFEST}: refusing to overwrite it`);
  }
  fs.rmSync(out, { recursive: true, force: true });
  const rng = createRng(seed);
  const manifest: CorpusManifest = { generatorVersion: GENERATOR_VERSION, seed, ...shape, bytes: 0, lines: 0, awaitedFiles: 0, awaitedEmits: 0, voidOnlyFiles: 0 };
  const write = (rel: string, text: string) => {
    const abs = path.join(out, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    manifest.bytes += Buffer.byteLength(text);
    manifest.lines += text.split("\n").length - 1;
  };
  write("lib/api/audit/workos_audit.ts", auditRegistry());
  fs.writeFileSync(path.join(out, "tsconfig.json"), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  for (let i = 1; i < files; i++) {
    const roll = rng.next();
    const emitMode: EmitMode = roll < shape.awaitRate ? "await" : roll < shape.awaitRate + shape.voidRate ? "void" : "none";
    const { kind, write: template } = pickKind(rng, emitMode);
    const resource = rng.pick(RESOURCES);
    const state = newFileState(rng, emitMode);
    const text = template(state, resource, targetLines(rng, shape));
    write(filePath(kind, resource, rng, i), text);
    if (state.awaitedEmits > 0) manifest.awaitedFiles++;
    else if (state.voidEmits > 0) manifest.voidOnlyFiles++;
    manifest.awaitedEmits += state.awaitedEmits;
  }
  fs.writeFileSync(path.join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The manifest of an existing corpus, or null when there is none (or it is unreadable). */
export function readManifest(out: string): CorpusManifest | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(out, MANIFEST), "utf8")) as CorpusManifest;
  } catch {
    return null;
  }
}

/** The corpus at `out`, regenerated only when missing, of another shape or seed, or from older templates. */
export function ensureCorpus(out: string, shape: CorpusShape, seed = DEFAULT_SEED): { manifest: CorpusManifest; generated: boolean } {
  const existing = readManifest(out);
  const same = (Object.keys(shape) as (keyof CorpusShape)[]).every((k) => existing?.[k] === shape[k]);
  if (existing && same && existing.seed === seed && existing.generatorVersion === GENERATOR_VERSION) {
    return { manifest: existing, generated: false };
  }
  return { manifest: generateCorpus(out, shape, seed), generated: true };
}

/** `--name value` / `--name=value` from argv, else the fallback. */
export function flag(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return undefined;
}

export function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

function main(argv: string[]): void {
  const files = positiveInt(flag(argv, "files"), "files", DEFAULT_FILES);
  const seed = positiveInt(flag(argv, "seed"), "seed", DEFAULT_SEED);
  const out = path.resolve(flag(argv, "out") ?? DEFAULT_OUT);
  const started = Date.now();
  const m = generateCorpus(out, { files, ...(argv.includes("--dense") ? DENSE : SPARSE) }, seed);
  process.stdout.write(
    `wrote ${m.files} files (${(m.bytes / 1e6).toFixed(1)} MB, ${m.lines} lines) to ${out} in ${((Date.now() - started) / 1000).toFixed(1)}s: ` +
      `${m.awaitedFiles} files with ${m.awaitedEmits} awaited emits to fix, ${m.voidOnlyFiles} with only voided emits\n`,
  );
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench/generate: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
