import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Where `/usr/bin/time` is missing: runs a Node script in this process and, on exit, writes
 * "<maxRSS KB> <user s> <system s>" to a file. Counts this process and its worker threads only,
 * not child processes. Usage: node dist/bench/rss-wrapper.js <outFile> <script> [args...]
 */
const [outFile, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
process.on("exit", () => {
  const usage = process.resourceUsage();
  fs.writeFileSync(outFile, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
});
require(path.resolve(script));
