import { isRecastNode, recastCopyIsSource, sourceColumn, sourceRange } from "../../src/audit/positions";
import { parseForEdit, parseForProbe } from "../../src/engine/parse";

describe("recastCopyIsSource", () => {
  it.each([
    ["spaces only", "function f() {\n  return 1;\n}\n", true],
    ["a tab inside a line", 'const s = "a\\tb";\nconst t = 1;\t// x\n', true],
    ["a tab-indented line", "function f() {\n\treturn 1;\n}\n", false],
    ["spaces then a tab", "function f() {\n  \treturn 1;\n}\n", false],
    ["a CR line break", "a;\r\nb;\n", false],
  ])("%s", (_case, source, expected) => {
    expect(recastCopyIsSource(source)).toBe(expected);
  });
});

describe("sourceColumn", () => {
  it.each([
    ["no indentation", "x = 1;", 4, 4],
    ["space indentation", "    x = 1;", 6, 6],
    ["one tab (4 columns in the copy)", "\tx = 1;", 4, 1],
    ["two tabs", "\t\tx = 1;", 10, 4],
    ["two spaces then a tab (to column 4)", "  \tx = 1;", 4, 3],
  ])("%s", (_case, line, copyColumn, expected) => {
    expect(sourceColumn(line, copyColumn)).toBe(expected);
  });
});

describe("sourceRange", () => {
  const source = "function f() {\n\tif (a) {\n\t\tcall({ key: value });\n\t}\n}\n";

  it("locates a recast node of a tab-indented file in the text itself, as the probe parse does", () => {
    const edit = parseForEdit(source, "ts");
    const probe = parseForProbe(source, "ts");
    const editNode = edit.root.find(edit.j.ObjectExpression).paths()[0].node;
    const probeNode = probe.root.find(probe.j.ObjectExpression).paths()[0].node;
    expect(isRecastNode(editNode)).toBe(true);
    expect(isRecastNode(probeNode)).toBe(false);
    // recast's own offsets point into its re-rendered copy, not into the text.
    expect(source.slice((editNode as unknown as { start: number }).start, (editNode as unknown as { end: number }).end)).not.toBe("{ key: value }");
    for (const node of [editNode, probeNode]) {
      const range = sourceRange(source, node);
      expect(range && source.slice(range.start, range.end)).toBe("{ key: value }");
    }
  });

  it("has no range for a node a step built", () => {
    const { j } = parseForEdit("", "ts");
    expect(sourceRange(source, j.objectExpression([]))).toBeNull();
  });
});
