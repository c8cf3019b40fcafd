import * as fs from "node:fs";
import * as path from "node:path";
import fg from "fast-glob";
import ignore from "ignore";
import { UsageError } from "./errors";

export const SOURCE_EXTENSIONS = ["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"];

/** Folders never worth reading: dependencies, build output, VCS and auditmod's own journal. */
export const ALWAYS_IGNORED = ["**/node_modules/**", "**/dist/**", "**/build/**", "**/.next/**", "**/out/**", "**/coverage/**", "**/.git/**", "**/.auditmod/**", "**/*.d.ts", "**/*.d.mts", "**/*.d.cts"];

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
    for (const entry of fg.sync(pattern, { cwd: root, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, onlyFiles: true, dot: false })) {
      if (!isIgnored(entry)) found.add(entry);
    }
  }
  return [...found].sort();
}
