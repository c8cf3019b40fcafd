import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./errors";
import { STATE_DIR } from "./lock";

export const SOURCE_EXTENSIONS = ["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"];

/** Folders never worth reading: dependencies, build output, VCS and auditmod's own journal. */
export const ALWAYS_IGNORED = ["**/node_modules/**", "**/dist/**", "**/build/**", "**/.next/**", "**/out/**", "**/coverage/**", "**/.git/**", `**/${STATE_DIR}/**`, "**/*.d.ts", "**/*.d.mts", "**/*.d.cts"];

const SOURCE_RE = new RegExp(`\\.(${SOURCE_EXTENSIONS.join("|")})$`);

export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** The path of `target` relative to `root`, or null when it lies outside (after resolving symlinks). */
export function insideRoot(root: string, target: string): string | null {
  const realRoot = fs.realpathSync(root);
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    real = path.resolve(target);
  }
  const rel = path.relative(realRoot, real);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  return toPosix(rel);
}

type Ignorer = { ignores(p: string): boolean };

/** The `.gitignore` rules of one folder (root-relative, "" for the root). */
interface IgnoreRules {
  dir: string;
  ig: Ignorer;
}

/** Folders never entered and files never listed, by name, wherever they are. */
const IGNORED_DIRS = new Set(ALWAYS_IGNORED.filter((g) => g.endsWith("/**")).map((g) => g.slice(3, -3)));
const DECLARATION_RE = /\.d\.[mc]?ts$/;

function loadIgnoreRules(root: string, dir: string): IgnoreRules | null {
  const file = path.join(root, dir, ".gitignore");
  // Like the glob it replaces: a .gitignore that is a link or a folder is not read.
  if (!fs.lstatSync(file, { throwIfNoEntry: false })?.isFile()) return null;
  const { default: ignore } = require("ignore") as { default: () => Ignorer & { add(rules: string): Ignorer } };
  return { dir, ig: ignore().add(fs.readFileSync(file, "utf8")) };
}

/** True when a `.gitignore` of a folder above `rel` ignores it (`rel` ends with "/" for a folder). */
function ignoredBy(rules: IgnoreRules[], rel: string): boolean {
  return rules.some(({ dir, ig }) => {
    if (dir && !rel.startsWith(`${dir}/`)) return false;
    return ig.ignores(dir ? rel.slice(dir.length + 1) : rel);
  });
}

function isSourceName(name: string): boolean {
  return SOURCE_RE.test(name) && !DECLARATION_RE.test(name);
}

/**
 * Lists the source entries below folder `dir` in one pass, reading each folder's `.gitignore` as it
 * enters it. Dot entries and the always-ignored folders are neither listed nor entered; links and
 * folders with source names are listed (never followed), so the run reports them.
 */
function walk(root: string, dir: string, rules: IgnoreRules[], found: Set<string>): void {
  const own = loadIgnoreRules(root, dir);
  const active = own ? [...rules, own] : rules;
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const name = entry.name;
    if (name.startsWith(".")) continue;
    const rel = dir ? `${dir}/${name}` : name;
    const isDir = entry.isDirectory();
    if (isDir && IGNORED_DIRS.has(name)) continue;
    if (isSourceName(name) && !ignoredBy(active, rel)) found.add(rel);
    // An ignored folder hides everything below it (a .gitignore cannot re-include a file there).
    if (isDir && !ignoredBy(active, `${rel}/`)) walk(root, rel, active, found);
  }
}

/** The source files below root-relative folder `rel` ("" for the root), with the rules of the folders above it. */
function discoverUnder(root: string, rel: string, found: Set<string>): void {
  const segments = rel ? rel.split("/") : [];
  if (segments.some((s) => IGNORED_DIRS.has(s))) return;
  const rules: IgnoreRules[] = [];
  for (let i = 0; i < segments.length; i++) {
    const rules0 = loadIgnoreRules(root, segments.slice(0, i).join("/"));
    if (rules0) rules.push(rules0);
    if (ignoredBy(rules, `${segments.slice(0, i + 1).join("/")}/`)) return;
  }
  walk(root, rel, rules, found);
}

/**
 * The source files under `paths` (default: the root), relative to root, sorted.
 * A path that does not exist or lies outside the root is a usage error.
 */
export function discoverFiles(root: string, paths: string[]): string[] {
  const found = new Set<string>();
  const targets = paths.length > 0 ? paths : [root];
  for (const given of targets) {
    const abs = path.resolve(given);
    if (!fs.existsSync(abs)) throw new UsageError(`path does not exist: ${given}`);
    const rel = insideRoot(root, abs);
    if (rel === null) throw new UsageError(`path lies outside the root ${root}: ${given}`);
    const stat = fs.statSync(abs);
    if (stat.isFile()) {
      if (SOURCE_RE.test(rel) && !DECLARATION_RE.test(rel)) found.add(rel);
      continue;
    }
    discoverUnder(root, rel, found);
  }
  return [...found].sort();
}

/**
 * The absolute path of root-relative `file` when writing it stays inside the root: no absolute path,
 * no `..` out of it, and no folder on the way that is a symbolic link (a link could lead anywhere).
 */
export function containedTarget(root: string, file: string): { ok: true; abs: string } | { ok: false; reason: string } {
  if (path.isAbsolute(file)) return { ok: false, reason: "an absolute path" };
  const abs = path.resolve(root, file);
  const rel = path.relative(root, abs);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return { ok: false, reason: "outside the root" };
  let dir = root;
  const parts = rel.split(path.sep);
  for (const part of parts.slice(0, -1)) {
    dir = path.join(dir, part);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(dir);
    } catch {
      break; // a folder the run creates: nothing below it exists yet
    }
    if (stat.isSymbolicLink()) return { ok: false, reason: `through the symbolic link ${path.relative(root, dir)}` };
    if (!stat.isDirectory()) return { ok: false, reason: `${path.relative(root, dir)} is not a folder` };
  }
  return { ok: true, abs };
}

/** Refuses (exit 2, before anything is written) a run whose edits would land outside the root or through a link. */
export function assertEditTargetsInsideRoot(root: string, files: string[]): void {
  const bad = files.flatMap((file) => {
    const target = containedTarget(root, file);
    return target.ok ? [] : [`${file} (${target.reason})`];
  });
  if (bad.length > 0) throw new UsageError(`refusing to write outside the root ${root}: ${bad.join(", ")}; nothing was written`);
}

/**
 * `--patch` and `--json` may name any file the user chooses (a patch in /tmp is normal), except one
 * inside the tree the run transforms: a source file under the root, a file or folder the run may
 * write (`protectedPaths`, root-relative), or auditmod's own state folder. Symbolic links are resolved first.
 */
export function assertReportPathsOutsideTree(root: string, protectedPaths: string[], outputs: Record<string, string | undefined>): void {
  const realRoot = fs.realpathSync(root);
  const seen = new Map<string, string>();
  for (const [flag, given] of Object.entries(outputs)) {
    if (given === undefined) continue;
    const abs = path.resolve(given);
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (stat?.isDirectory()) throw new UsageError(`${flag} names a folder, not a file: ${given}`);
    let real = abs;
    try {
      real = stat ? fs.realpathSync(abs) : path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      // A folder that does not exist: writing there fails later with its own message.
    }
    const other = seen.get(real);
    if (other) throw new UsageError(`${flag} and ${other} name the same file: ${given}`);
    seen.set(real, flag);
    const rel = toPosix(path.relative(realRoot, real));
    if (rel.startsWith("..") || path.isAbsolute(rel)) continue;
    const inside = (p: string) => rel === p || rel.startsWith(`${p}/`);
    if (SOURCE_RE.test(rel) || inside(STATE_DIR) || protectedPaths.some(inside)) {
      throw new UsageError(`${flag} would overwrite ${rel}, which lies in the tree this run transforms; write it outside the root or to a non-source file: ${given}`);
    }
  }
}
