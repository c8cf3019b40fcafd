import * as fs from "node:fs";
import * as path from "node:path";
import { defineTest } from "jscodeshift/src/testUtils";
import { conventionsFromOptions } from "../../src/audit/jscodeshift-adapter";
import { assertParses, parserFor } from "../../src/engine/parse";
import { transformSource } from "../../src/engine/transform-source";

export const FIXTURES_DIR = path.join(__dirname, "..", "..", "__testfixtures__");

/** The case names of a transform's fixtures: `<case>.input.ts` files in `__testfixtures__/<transform>/`. */
export function fixtureCases(transform: string): string[] {
  return fs
    .readdirSync(path.join(FIXTURES_DIR, transform))
    .filter((f) => f.endsWith(".input.ts"))
    .map((f) => f.slice(0, -".input.ts".length))
    .sort();
}

export interface FixtureCase {
  name: string;
  inputPath: string;
  input: string;
  expected: string;
  options: Record<string, unknown>;
  /** Expected findings as `line:column severity message`, when a `.findings.json` is beside the case. */
  findings: string[] | null;
}

export function loadFixture(transform: string, name: string): FixtureCase {
  const base = path.join(FIXTURES_DIR, transform, name);
  const read = (ext: string) => (fs.existsSync(base + ext) ? fs.readFileSync(base + ext, "utf8") : null);
  const input = read(".input.ts")!;
  const expected = read(".output.ts");
  if (expected === null) throw new Error(`${base}.output.ts is missing`);
  const options = JSON.parse(read(".options.json") ?? "{}") as Record<string, unknown>;
  const findingsText = read(".findings.json");
  return { name, inputPath: `${base}.input.ts`, input, expected, options, findings: findingsText ? (JSON.parse(findingsText) as string[]) : null };
}


/**
 * The fixture suite every transform uses (`folder`: the transform's name, or a folder of cases that run it with other options): each case runs through jscodeshift's own `defineTest`
 * and through the engine, must equal its `.output.ts`, must parse, and a second run must change nothing.
 */
export function defineFixtureSuite(folder: string, transform = folder): void {
  const cases = fixtureCases(folder);
  describe(`${folder} fixtures`, () => {
    it("has fixtures", () => {
      expect(cases.length).toBeGreaterThan(0);
    });
    for (const name of cases) {
      const c = loadFixture(folder, name);
      const steps = [{ name: transform, options: c.options }];
      const conventions = conventionsFromOptions(c.options);
      const file = `__testfixtures__/${folder}/${name}.input.ts`;

      defineTest(path.join(__dirname, ".."), `transforms/${transform}`, c.options, `${folder}/${name}`, { parser: "ts" });

      describe(`${name} (engine)`, () => {
        const first = transformSource(file, c.input, steps, conventions);
        it("matches the expected output exactly", () => {
          expect(first.status === "error" ? first.reason : null).toBeNull();
          expect(first.output ?? c.input).toBe(c.expected);
        });
        it("output parses", () => {
          expect(() => assertParses(first.output ?? c.input, parserFor(file))).not.toThrow();
        });
        it("a second run changes nothing", () => {
          const second = transformSource(file, c.expected, steps, conventions);
          expect(second.status).toBe("unchanged");
        });
        if (c.findings) {
          it("reports exactly the expected findings", () => {
            expect(first.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual(c.findings);
          });
        }
      });
    }
  });
}
