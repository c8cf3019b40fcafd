import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURES_DIR, defineFixtureSuite, loadFixture } from "./helpers/fixtures";
import { expectOnlyTargetsChanged } from "./helpers/targets-lines";

defineFixtureSuite("workspace-target");

describe("workspace-target formatting", () => {
  expectOnlyTargetsChanged("workspace-target");
});

describe("transforms/workspace-target.ts under jscodeshift's own runner", () => {
  const repoRoot = path.join(__dirname, "..");

  it("prints the fixture's expected output and its reports, and writes nothing with --dry", () => {
    const c = loadFixture("workspace-target", "reported-unfixable");
    const relative = path.relative(repoRoot, c.inputPath);
    const out = execFileSync(
      process.execPath,
      [path.join(repoRoot, "node_modules/jscodeshift/bin/jscodeshift.js"), "-t", path.join(repoRoot, "transforms/workspace-target.ts"), "--parser=tsx", "--dry", "--print", relative],
      // jscodeshift colours its report when CI=true; the assertions read plain text.
      { cwd: repoRoot, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(out).toContain(c.expected);
    expect(out).toContain(` REP ${relative} ${relative}:16:72 emitAuditLogEvent targets spread \`...extraTargets\`; cannot tell whether the workspace target comes first (AUDIT7)`);
    expect(fs.readFileSync(path.join(FIXTURES_DIR, "workspace-target", "reported-unfixable.input.ts"), "utf8")).toBe(c.input);
  });
});
