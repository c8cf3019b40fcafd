import { isSilenced, scanIgnoreComments } from "../../src/check/suppress";
import type { Diagnostic } from "../../src/check/types";

const KNOWN = new Set(["AUDIT1", "AUDIT5"]);

describe("scanIgnoreComments", () => {
  it("reads well-formed comments, indented or not", () => {
    const text = [
      "// auditmod-ignore AUDIT1: the caller must know the event was sent before replying",
      "function f() {",
      "    //auditmod-ignore AUDIT5:   counts are strings in this schema",
      "}",
    ].join("\n");
    expect(scanIgnoreComments("a.ts", text, KNOWN)).toEqual({
      ignores: [
        { line: 1, column: 1, rule: "AUDIT1", reason: "the caller must know the event was sent before replying" },
        { line: 3, column: 5, rule: "AUDIT5", reason: "counts are strings in this schema" },
      ],
      problems: [],
    });
  });

  it.each([
    ["// auditmod-ignore AUDIT1", "auditmod-ignore AUDIT1 needs a reason: `// auditmod-ignore AUDIT1: reason`"],
    ["// auditmod-ignore AUDIT1:   ", "auditmod-ignore AUDIT1 needs a reason: `// auditmod-ignore AUDIT1: reason`"],
    ["// auditmod-ignore", "auditmod-ignore needs a rule id and a reason: `// auditmod-ignore AUDITn: reason`"],
    ["// auditmod-ignore: legacy code", "auditmod-ignore needs a rule id and a reason: `// auditmod-ignore AUDITn: reason`"],
    ["// auditmod-ignore audit1: lower case", "auditmod-ignore needs a rule id and a reason: `// auditmod-ignore AUDITn: reason`"],
    ["// auditmod-ignore AUDIT42: no such rule", "auditmod-ignore names an unknown rule AUDIT42"],
  ])("%s is a problem, not an ignore", (line, message) => {
    const scan = scanIgnoreComments("pages/a.ts", `const x = 1;\n  ${line}\n`, KNOWN);
    expect(scan.ignores).toEqual([]);
    expect(scan.problems).toEqual([{ file: "pages/a.ts", line: 2, column: 3, rule: "auditmod-ignore", severity: "error", message, fixer: null }]);
  });

  it("ignores the words when they are not a line comment of their own", () => {
    const text = 'const doc = "// auditmod-ignore AUDIT1";\nfoo(); // auditmod-ignore AUDIT1: trailing comments do not count\n';
    expect(scanIgnoreComments("a.ts", text, KNOWN)).toEqual({ ignores: [], problems: [] });
  });
});

describe("isSilenced", () => {
  const d = (rule: Diagnostic["rule"], line: number): Diagnostic => ({ file: "a.ts", line, column: 3, rule, severity: "error", message: "m", fixer: null });
  const ignores = [{ line: 4, column: 1, rule: "AUDIT1", reason: "r" }];
  it("silences only the named rule on the next line", () => {
    expect(isSilenced(d("AUDIT1", 5), ignores)).toBe(true);
    expect(isSilenced(d("AUDIT5", 5), ignores)).toBe(false);
    expect(isSilenced(d("AUDIT1", 6), ignores)).toBe(false);
    expect(isSilenced(d("AUDIT1", 4), ignores)).toBe(false);
  });
});
