import * as fs from "node:fs";
import * as path from "node:path";
import { FIXERS } from "../src/audit/transforms";
import { RULES } from "../src/check/rules";
import { runCheck } from "../src/check/run-check";
import { loadConfig } from "../src/config/config";
import { discoverFiles } from "../src/engine/discover";
import { loadConventions, withModuleConventions } from "../src/engine/conventions";
import { transformSource } from "../src/engine/transform-source";
import { REPO_ROOT, runCli } from "./helpers/cli";

/**
 * A front-like tree of already-correct handlers (Next.js switch handlers, Hono routes, Result lib
 * functions, transactions, a lock, Temporal activities with direct emits, webhooks, login, scripts)
 * with an audit module in the real shape: `actor_type` added beside `...metadata`, an
 * `AuditTargetType` union, `buildAuditLogTarget`. Nothing here may be changed or reported as an error.
 */
const ROOT = path.join(__dirname, "data", "realistic-front");

const config = withModuleConventions(loadConfig(ROOT), loadConventions(loadConfig(ROOT)));
const sources = discoverFiles(ROOT, []).filter((f) => f.endsWith(".ts"));

describe("realistic-front", () => {
  it("holds at least 30 handlers besides the audit module", () => {
    expect(sources.filter((f) => f !== config.registry).length).toBeGreaterThanOrEqual(30);
  });

  it("the audit module's conventions are learned from it", () => {
    const module = config.conventions.module;
    expect(module.moduleMetadataKeys).toEqual(["actor_type"]);
    expect(module.targetTypes).toContain("webhook_source");
    expect(module.targetBuilders).toEqual(["buildWorkspaceTarget", "buildAuditLogTarget"]);
    expect(module.emitFunctions.map((f) => `${f.name}:${f.kind}`)).toEqual(["emitAuditLogEvent:auth", "emitAuditLogEventDirect:direct"]);
    expect(config.conventions.targetStyle).toBe("builder");
  });

  describe.each(FIXERS.map((f) => [f.name] as const))("%s changes nothing", (name) => {
    it.each(sources.map((f) => [f] as const))("%s", (file) => {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      const outcome = transformSource(file, text, [{ name }], config.conventions);
      expect(outcome.status).toBe("unchanged");
      // What a fixer says about correct code is at most a note.
      expect(outcome.findings.filter((f) => f.severity !== "info")).toEqual([]);
    });
  });

  it("every fixer at once, through the CLI, would change nothing", () => {
    const r = runCli(["run", ...FIXERS.map((f) => f.name), "--dry", "--root", ROOT], REPO_ROOT);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^auditmod: 0 would change, 32 unchanged, 0 skipped, 0 errors \(32 files, 32 parsed, [\d.]+s\)$/m);
  });

  it("check reports no error and no warning: only notes of values the syntax cannot tell, and one computed action", () => {
    const report = runCheck({ config, paths: [], rules: RULES });
    const tally: Record<string, number> = {};
    for (const d of report.diagnostics) tally[`${d.rule} ${d.severity}`] = (tally[`${d.rule} ${d.severity}`] ?? 0) + 1;
    expect(tally).toEqual({ "AUDIT5 info": 20, "AUDIT3 info": 1 });
    expect(report.diagnostics.find((d) => d.rule === "AUDIT3")).toMatchObject({
      file: "lib/api/spaces/member_sync.ts",
      message: "the action is not a string literal: cannot check statically (AUDIT3, AUDIT4, AUDIT8, AUDIT10)",
    });
  });
});
