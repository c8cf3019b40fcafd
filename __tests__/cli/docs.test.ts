import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/cli";

/** Every file below `dir` (generated corpora and dependencies left out). */
function filesUnder(dir: string): string[] {
  const abs = path.join(REPO_ROOT, dir);
  if (!fs.statSync(abs).isDirectory()) return [dir];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (["node_modules", "corpus", ".auditmod"].includes(e.name)) return [];
    return e.isDirectory() ? filesUnder(rel) : [rel];
  });
}

// What a user reads: the product's sources, help texts, messages and docs.
const SHIPPED = ["src", "transforms", "bin", "docs", "bench", "examples", "README.md"].flatMap(filesUnder);

describe("the docs are self-contained", () => {
  it("names no design document outside the repository", () => {
    expect(SHIPPED.length).toBeGreaterThan(50);
    const mentions = SHIPPED.flatMap((file) =>
      fs
        .readFileSync(path.join(REPO_ROOT, file), "utf8")
        .split("\n")
        .flatMap((line, i) => (/DESIGN|shared\/DESIGN/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(mentions).toEqual([]);
  });

  it("every relative link of the README and docs/ names a file of the repository", () => {
    const markdown = SHIPPED.filter((f) => f.endsWith(".md") && (f === "README.md" || f.startsWith("docs/")));
    expect(markdown).toEqual(expect.arrayContaining(["README.md", "docs/rules.md", "docs/specs.md", "docs/writing-a-transform.md"]));
    const broken = markdown.flatMap((file) =>
      [...fs.readFileSync(path.join(REPO_ROOT, file), "utf8").matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
        .map((m) => m[1])
        .filter((target) => !/^[a-z]+:/.test(target))
        // migrate-call-and-templates.md comes with the migrate-call command.
        .filter((target) => !target.endsWith("migrate-call-and-templates.md"))
        .filter((target) => !fs.existsSync(path.join(REPO_ROOT, path.dirname(file), target)))
        .map((target) => `${file}: ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it("docs/rules.md has a wrong and a right example, the report and the fixer for AUDIT1 to AUDIT10", () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, "docs/rules.md"), "utf8");
    const sections = text.split(/^## /m).slice(1);
    const ids = sections.map((s) => /^(AUDIT\d+)/.exec(s)?.[1]).filter(Boolean);
    expect(ids).toEqual(["AUDIT1", "AUDIT2", "AUDIT3", "AUDIT4", "AUDIT5", "AUDIT6", "AUDIT7", "AUDIT8", "AUDIT9", "AUDIT10"]);
    for (const section of sections.filter((s) => s.startsWith("AUDIT"))) {
      expect([section.slice(0, 8), /Wrong/.test(section), /Right/.test(section), /`check` reports/.test(section), /[Ff]ixer/.test(section)]).toEqual([section.slice(0, 8), true, true, true, true]);
    }
  });
});
