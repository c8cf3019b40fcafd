import { changesForStatement, textChanges } from "../../src/eslint-plugin/text-changes";

const apply = (text: string, changes: { start: number; end: number; text: string }[]) =>
  [...changes].reverse().reduce((acc, c) => acc.slice(0, c.start) + c.text + acc.slice(c.end), text);

describe("text changes of a fixer's output", () => {
  const before = 'import { a } from "m";\n\nf(1);\ng(2);\nh(3);\n';
  const after = 'import { a, b } from "m";\n\nf(1);\nG(2);\nh(3);\nadded();\n';

  it("are line changes in the original's offsets that rebuild the output", () => {
    const changes = textChanges(before, after);
    expect(changes).toEqual([
      { start: 0, end: 23, text: 'import { a, b } from "m";\n' },
      { start: 30, end: 36, text: "G(2);\n" },
      { start: 42, end: 42, text: "added();\n" },
    ]);
    expect(apply(before, changes)).toBe(after);
  });

  it("for one statement: the changes inside it and the import block's, none when it is untouched", () => {
    const changes = textChanges(before, after);
    const g = before.indexOf("g(2);");
    expect(changesForStatement(changes, g, g + 5, 23)).toEqual([changes[0], changes[1]]);
    const f = before.indexOf("f(1);");
    expect(changesForStatement(changes, f, f + 5, 23)).toEqual([]);
  });
});
