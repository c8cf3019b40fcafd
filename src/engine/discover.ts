import * as fs from "node:fs";
import * as path from "node:path";
import fg from "fast-glob";
import ignore from "ignore";
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

/** `.gitignore` rules of the root and of every folder below it, each applied to paths under its folder. */
function gitignoreMatcher(root: string): (rel: string) => boolean {
  const files = fg.sync("**/.gitignore", { cwd: root, dot: true, ignore: ["**/node_modules/**", "**/.git/**"], followSymbolicLinks: false });
  const rules: { dir: string; ig: Ignorer }[] = files.map((f) => ({
    dir: path.posix.dirname(f) === "." ? "" : path.posix.dirname(f),
    ig: ignore().add(fs.readFileSync(path.join(root, f), "utf8")),
  }));
  return (rel) =>
    rules.some(({ dir, ig }) => {
      if (dir && !rel.startsWith(`${dir}/`)) return false;
      return ig.ignores(dir ? rel.slice(dir.length + 1) : rel);
    });
}

/**
 * The source files under `paths` (default: the root), relative to root, sorted.
 * A path that does not exist or lies outside the root is a usage error.
 */
export function discoverFiles(root: string, paths: string[]): string[] {
  const isIgnored = gitignoreMatcher(root);
  const found = new Set<string>();
  const targets = paths.length > 0 ? paths : [root];
  for (const given of targets) {
    const abs = path.resolve(given);
    if (!fs.existsSync(abs)) throw new UsageError(`path does not exist: ${given}`);
    const rel = insideRoot(root, abs);
    if (rel === null) throw new UsageError(`path lies outside the root ${root}: ${given}`);
    const stat = fs.statSync(abs);
    if (stat.isFile()) {
      if (SOURCE_RE.test(rel) && !/\.d\.[mc]?ts$/.test(rel)) found.add(rel);
      continue;
    }
    const pattern = `${rel ? `${fg.escapePath(rel)}/` : ""}**/*.{${SOURCE_EXTENSIONS.join(",")}}`;
    // Links and folders with source names are listed too (never followed), so the run reports them.
    for (const entry of fg.sync(pattern, { cwd: root, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, onlyFiles: false, dot: false })) {
      if (!isIgnored(entry)) found.add(entry);
    }
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
