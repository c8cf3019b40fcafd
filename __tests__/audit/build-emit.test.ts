import { indentUnit } from "../../src/audit/build-emit";

describe("indentUnit", () => {
  it.each([
    ["two spaces", "function f() {\n  if (a) {\n    b();\n  }\n}\n", "  "],
    ["four spaces", "class A {\n    m() {\n        return 1;\n    }\n}\n", "    "],
    ["tabs", "function f() {\n\tif (a) {\n\t\tb();\n\t}\n}\n", "\t"],
    ["nothing indented", "const a = 1;\nconst b = 2;\n", "  "],
    ["a deep continuation line does not count as a step", "function f() {\n  call(a,\n                b);\n  return 1;\n}\n", "  "],
    ["two-space file with one four-space jump", "x({\n    a: 1,\n});\nfunction f() {\n  if (a) {\n    b();\n  }\n}\n", "  "],
  ])("%s", (_what, source, expected) => {
    expect(indentUnit(source)).toBe(expected);
  });
});
