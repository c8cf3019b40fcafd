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
  // The same files indented with tabs: recast reprints them with tabs of 4 columns, the splice printer leaves them be.
  const tabbed = (text: string) => text.replace(/^((?: {2})+)/gm, (indent: string) => "\t".repeat(indent.length / 2));
  const INSTRUMENT: StepSpec[] = [{ name: "instrument", options: { action: "resource.deleted", mutation: "*.delete", targets: [] } }];
  // The last column: how many files must splice, so that a run cannot pass by declining everything.
  const runs: [string, StepSpec[], (text: string) => string, number][] = [
    ["every fixer", FIXERS, asGenerated, 20],
    ["every fixer, on emits missing their workspace target and context", FIXERS, degraded, 20],
    // Left to recast: the snippets these fixers lay out from a tab-indented file come back from recast with spaces.
    ["every fixer, on emits missing their workspace target and context, tab-indented", FIXERS, (text) => tabbed(degraded(text)), 0],
    ["instrument", INSTRUMENT, asGenerated, 20],
    ["instrument, tab-indented", INSTRUMENT, tabbed, 20],
    ["target-builders", [{ name: "target-builders", options: { style: "builder" } }], asGenerated, 20],
  ];

  it.each(runs)("%s: every spliced file is byte for byte what recast prints", (_name, steps, prepare, least) => {
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
    expect(spliced).toBeGreaterThanOrEqual(least);
  });
});
