import * as babel from "@babel/parser";
import type { ArrayExpression } from "jscodeshift";
import type { Node } from "../../src/audit/ast";
import { layoutElements, splitGap, withElements, type ArraySlot, type SourceRange } from "../../src/audit/snippets";
import { DEFAULT_CONVENTIONS, type StepContext } from "../../src/audit/types";
import { parseForEdit, parseForProbe } from "../../src/engine/parse";

/** Ranges of the first array literal of `source` and of its elements. */
function rangesOf(source: string): { array: SourceRange; elements: SourceRange[] } {
  const ast = babel.parse(source, { sourceType: "module", plugins: ["typescript"] });
  const array = (ast.program.body[0] as unknown as { expression: { right: Node } }).expression.right;
  const range = (n: Node) => ({ start: n.start as number, end: n.end as number });
  return { array: range(array), elements: (array.elements as Node[]).map(range) };
}

function layout(arrayText: string, slots: ArraySlot[]): string | null {
  const source = `x = ${arrayText};\n`;
  const { array, elements } = rangesOf(source);
  return layoutElements(source, array, elements, slots);
}

const W: ArraySlot = { text: "W" };
const kept = (...indices: number[]): ArraySlot[] => indices.map((kept) => ({ kept }));

describe("splitGap", () => {
  it.each([
    [", ", { before: "", comma: true, after: " " }],
    [" /* a */,\n  // b\n  ", { before: " /* a */", comma: true, after: "\n  // b\n  " }],
    [", // x, y\n", { before: "", comma: true, after: " // x, y\n" }],
    ["\n  ", { before: "", comma: false, after: "\n  " }],
    [",,", null],
    [") ,", null],
    ["/* open", null],
  ])("%j", (gap, expected) => {
    expect(splitGap(gap)).toEqual(expected);
  });
});

describe("layoutElements", () => {
  it("adds an element first in a one-per-line array, with its indentation and the trailing comma", () => {
    expect(layout("[\n    { a },\n    b,\n  ]", [W, ...kept(0, 1)])).toBe("[\n    W,\n    { a },\n    b,\n  ]");
  });

  it("moves the last element first, fixing the commas when there is no trailing comma", () => {
    expect(layout("[\n  a,\n  b\n]", kept(1, 0))).toBe("[\n  b,\n  a\n]");
  });

  it("moves comments above an element and after its comma with it", () => {
    const input = "[\n  // about a\n  a, // a's note\n  /* about b */\n  b, // b's note\n]";
    expect(layout(input, kept(1, 0))).toBe("[\n  /* about b */\n  b, // b's note\n  // about a\n  a, // a's note\n]");
  });

  it("keeps a comment before the closing bracket at the end", () => {
    expect(layout("[\n  a,\n  // more to come\n]", [W, ...kept(0)])).toBe("[\n  W,\n  a,\n  // more to come\n]");
  });

  it("keeps a closing bracket on the last element's line", () => {
    expect(layout("[\n  a,\n  b]", kept(1, 0))).toBe("[\n  b,\n  a]");
    expect(layout("[\n  a ]", [W, ...kept(0)])).toBe("[\n  W,\n  a ]");
  });

  it("keeps a comment written after the opening bracket there", () => {
    expect(layout("[ // targets\n  a,\n]", [W, ...kept(0)])).toBe("[ // targets\n  W,\n  a,\n]");
  });

  it("keeps a one-line array on one line, with its spacing", () => {
    expect(layout("[a, b]", [W, ...kept(0, 1)])).toBe("[W, a, b]");
    expect(layout("[ a ]", [W, ...kept(0)])).toBe("[ W, a ]");
    expect(layout("[a,b,]", kept(1, 0))).toBe("[b,a,]");
    expect(layout("[a /* a */, b]", kept(1, 0))).toBe("[b, a /* a */]");
  });

  it("adds to an empty array", () => {
    expect(layout("[]", [W])).toBe("[W]");
    expect(layout("[  ]", [W])).toBe("[W]");
  });

  it("keeps a hugging multi-line element as written", () => {
    expect(layout("[{\n  type: 'a',\n}]", [W, ...kept(0)])).toBe("[W, {\n  type: 'a',\n}]");
  });

  it.each([
    ["two elements on one line of a one-per-line array", "[\n  a, b,\n]", kept(1, 0)],
    ["a comment after a comma on one line", "[a, /* b */ b]", kept(1, 0)],
    ["a line break after a comma of a one-line array", "[a,\n b]", kept(1, 0)],
    ["a parenthesised element", "[(a as T), b]", kept(1, 0)],
    ["an empty array with a comment", "[/* none */]", [W]],
  ])("gives up on %s", (_what, input, slots) => {
    expect(layout(input, slots)).toBeNull();
  });
});

describe.each([
  ["recast", parseForEdit],
  ["babel", parseForProbe],
] as const)("withElements (%s)", (parser, parse) => {
  const source = "emit({\n  targets: [\n    // the space\n    space, // primary\n    agent,\n  ],\n});\n";

  function setup() {
    const { j, root } = parse(source, "ts");
    const ctx: StepContext = { j, root, file: "x.ts", source, conventions: DEFAULT_CONVENTIONS, options: {}, report: () => undefined };
    const property = root.find(j.Property).size() > 0 ? root.find(j.Property).get().node : root.find(j.ObjectProperty).get().node;
    return { ctx, property: property as { value: ArrayExpression } };
  }

  it("returns an array holding the very same element nodes, at the old array's place", () => {
    const { ctx, property } = setup();
    const old = property.value;
    const [space, agent] = old.elements;
    const next = withElements(ctx, old, [ctx.j.identifier("workspace"), agent, space]);
    expect(next).not.toBe(old);
    expect(next.elements[1]).toBe(agent);
    expect(next.elements[2]).toBe(space);
    expect(next.loc).toBe(old.loc);
    expect((next as unknown as Node).start).toBe((old as unknown as Node).start);
    if (parser === "recast") {
      property.value = next;
      expect(ctx.root.toSource()).toBe("emit({\n  targets: [\n    workspace,\n    agent,\n    // the space\n    space, // primary\n  ],\n});\n");
    }
  });

  it("falls back to editing the array itself when an element has no position", () => {
    const { ctx, property } = setup();
    const old = property.value;
    const [space] = old.elements;
    old.elements[1] = ctx.j.identifier("built");
    const next = withElements(ctx, old, [ctx.j.identifier("workspace"), ...old.elements]);
    expect(next).toBe(old);
    expect(next.elements.map((e) => (e as unknown as Node).name)).toEqual(["workspace", "space", "built"]);
    expect(next.elements[1]).toBe(space);
  });
});
