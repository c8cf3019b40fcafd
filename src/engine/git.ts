import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { UsageError } from "./errors";
import { toPosix } from "./discover";

function git(cwd: string, args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return null;
  }
}

/** The top folder of the git work tree holding `dir`, or null outside git. */
export function gitTopLevel(dir: string): string | null {
  const out = git(dir, ["rev-parse", "--show-toplevel"]);
  return out ? out.trim() : null;
}

/** Root-relative paths among `files` that git shows as modified, staged or untracked. */
export function dirtyFiles(root: string, files: string[]): string[] {
  if (files.length === 0 || !gitTopLevel(root)) return [];
  const out = git(root, ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ...files]);
  if (out === null) return [];
  const top = gitTopLevel(root)!;
  const dirty = new Set<string>();
  const entries = out.split("\0").filter(Boolean);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const status = entry.slice(0, 2);
    dirty.add(toPosix(path.relative(root, path.join(top, entry.slice(3)))));
    if (status.startsWith("R") || status.startsWith("C")) i++; // the original path follows a rename
  }
  return files.filter((f) => dirty.has(f));
}

/** Root-relative files changed since `rev` (committed, staged, unstaged) plus untracked files. */
export function filesChangedSince(root: string, rev: string): Set<string> {
  if (!gitTopLevel(root)) throw new UsageError(`--since needs a git repository, and ${root} is not in one`);
  if (git(root, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]) === null) throw new UsageError(`--since: unknown git revision "${rev}"`);
  const changed = git(root, ["diff", "--name-only", "--relative", "-z", rev, "--", "."]) ?? "";
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard", "-z", "--", "."]) ?? "";
  return new Set([...changed.split("\0"), ...untracked.split("\0")].filter(Boolean));
}
