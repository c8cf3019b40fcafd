import { retabReprintedLines } from "../../src/audit/print";

describe("retabReprintedLines", () => {
  const source = "function f() {\n\tconst a = 1;\n\t    aligned(); // kept: the file holds this line\n}\n";
  it.each([
    ["\t    const a = 1;", "\t\tconst a = 1;"],
    ["    const a = 1;", "\tconst a = 1;"],
    ["\t\t        x();", "\t\t\t\tx();"],
    ["\t    aligned(); // kept: the file holds this line", "\t    aligned(); // kept: the file holds this line"],
    ["\t * a doc line", "\t * a doc line"],
    ["\t  two();", "\t  two();"],
    ["\t\tplain();", "\t\tplain();"],
  ])("%j -> %j", (line, expected) => {
    expect(retabReprintedLines(line, source)).toBe(expected);
  });
});
