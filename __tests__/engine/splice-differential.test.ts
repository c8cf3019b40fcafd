import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fg from "fast-glob";
import { DENSE, generateCorpus } from "../../bench/generate";
import { DEFAULT_CONVENTIONS } from "../../src/audit/types";
import { reprintFile, spliceFile, type StepSpec } from "../../src/engine/pipeline";

// Production-shaped files (Next.js routes, Hono routers, Result lib functions) from the benchmark's generator, with a fixed seed.
describe("the splice printer against recast's reprint, on a generated corpus", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-splice-diff-"));
  generateCorpus(dir, { ...DENSE, files: 120 }, 7);
  const files = fg.sync("**/*.ts", { cwd: dir }).sort();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const FIXERS: StepSpec[] = [{ name: "workspace-target" }, { name: "stringify-metadata" }, { name: "audit-context" }, { name: "await-to-void" }];
  const asGenerated = (text: string) => text;
  // Emits as they are often found: the workspace target and the request context left out, a count not stringified.
  const degraded = (text: string) =>
    text
      .replace(/^\s*buildWorkspaceTarget\(.*\),\n/gm, "")
      .replace(/^\s*context: getAuditLogContext\(.*\),\n/gm, "")
      .replace(/String\((\w+(?:\.\w+)*\.length)\)/g, "$1");
  const runs: [string, StepSpec[], (text: string) => string][] = [
    ["every fixer", FIXERS, asGenerated],
    ["every fixer, on emits missing their workspace target and context", FIXERS, degraded],
    ["instrument", [{ name: "instrument", options: { action: "resource.deleted", mutation: "*.delete", targets: [] } }], asGenerated],
    ["target-builders", [{ name: "target-builders", options: { style: "builder" } }], asGenerated],
  ];

  it.each(runs)("%s: every spliced file is byte for byte what recast prints", (_name, steps, prepare) => {
    let spliced = 0;
    const differ: string[] = [];
    for (const file of files) {
      const text = prepare(fs.readFileSync(path.join(dir, file), "utf8"));
      const attempt = spliceFile({ index: 0, file, text, steps, conventions: DEFAULT_CONVENTIONS });
      if (!("outcome" in attempt) || attempt.outcome.status !== "changed") continue;
      spliced++;
      if (attempt.outcome.output !== reprintFile({ index: 0, file, text, steps, conventions: DEFAULT_CONVENTIONS }).output) differ.push(file);
    }
    expect(differ).toEqual([]);
    // The corpus is made so that these steps change a good share of its files.
    expect(spliced).toBeGreaterThan(20);
  });
});
