import jscodeshift from "jscodeshift";
import * as recast from "recast";
import type { Node } from "../../src/audit/ast";
import { printSimple } from "../../src/audit/print-simple";
import { printNew } from "../../src/engine/parse";

const j = jscodeshift.withParser("ts");
const id = (name: string) => j.identifier(name);
// What the splice printer puts in place of an original node: private-use characters as long as its first line.
const placeholder = (length: number) => id(String.fromCharCode(0xe000) + "\uf8ff".repeat(length - 1));
const member = (...names: string[]) => names.slice(1).reduce<ReturnType<typeof j.memberExpression> | ReturnType<typeof id>>((object, name) => j.memberExpression(object, id(name)), id(names[0]));

const recastPrint = (node: unknown) => recast.print(node as Parameters<typeof recast.print>[0], { quote: "double" }).code;

describe("printSimple prints what recast prints", () => {
  const cases: [string, () => unknown][] = [
    ["a name", () => id("auth")],
    ["a placeholder", () => placeholder(40)],
    ["void of a placeholder", () => j.unaryExpression("void", placeholder(60))],
    ["void of a call", () => j.unaryExpression("void", j.callExpression(id("emitAuditLogEvent"), [placeholder(30)]))],
    ["typeof of a member", () => j.unaryExpression("typeof", member("a", "b", "c"))],
    ["not of a name", () => j.unaryExpression("!", id("ok"))],
    ["minus of a call", () => j.unaryExpression("-", j.callExpression(id("f"), []))],
    ["String of a name", () => j.callExpression(id("String"), [id("count")])],
    ["String of a placeholder", () => j.callExpression(id("String"), [placeholder(20)])],
    ["a member call with several arguments", () => j.callExpression(member("auth", "getNonNullableWorkspace"), [id("a"), member("b", "c"), j.callExpression(id("g"), [])])],
    ["a member path", () => member("auth", "workspace", "sId")],
    ["arguments just within the wrap column", () => j.callExpression(id("f"), [placeholder(37), placeholder(35)])],
    ["arguments one past the wrap column", () => j.callExpression(id("f"), [placeholder(38), placeholder(35)])],
    ["a call of a call", () => j.callExpression(j.callExpression(id("f"), []), [])],
    ["a computed member", () => j.memberExpression(id("a"), id("b"), true)],
    ["void of a sequence", () => j.unaryExpression("void", j.sequenceExpression([id("a"), id("b")]))],
    ["void of a string", () => j.unaryExpression("void", j.stringLiteral("x"))],
    ["void of an await", () => j.unaryExpression("void", j.awaitExpression(id("p")))],
    ["an optional call", () => j.optionalCallExpression(id("f"), [], true)],
    ["a call with a spread", () => j.callExpression(id("f"), [j.spreadElement(id("xs"))])],
  ];

  it.each(cases)("%s", (_name, build) => {
    const node = build();
    const simple = printSimple(node as Node);
    if (simple !== null) expect(simple).toBe(recastPrint(node));
    // printNew is what the engine uses: recast's text either way.
    expect(printNew(node as object, "double")).toBe(recastPrint(node));
  });

  it("prints the shapes fixers build, and leaves the rest to recast", () => {
    const printed = cases.map(([name, build]) => [name, printSimple(build() as Node) !== null]);
    expect(Object.fromEntries(printed)).toEqual({
      "a name": true,
      "a placeholder": true,
      "void of a placeholder": true,
      "void of a call": true,
      "typeof of a member": true,
      "not of a name": true,
      "minus of a call": true,
      "String of a name": true,
      "String of a placeholder": true,
      "a member call with several arguments": true,
      "a member path": true,
      "arguments just within the wrap column": true,
      "arguments one past the wrap column": false,
      "a call of a call": false,
      "a computed member": false,
      "void of a sequence": false,
      "void of a string": false,
      "void of an await": false,
      "an optional call": false,
      "a call with a spread": false,
    });
  });

  it("leaves nodes with comments, parentheses or type annotations to recast", () => {
    const commented = j.unaryExpression("void", id("x"));
    (commented as unknown as { comments: unknown[] }).comments = [j.commentLine(" why", true, false)];
    const parenthesized = id("x");
    (parenthesized as unknown as { extra: unknown }).extra = { parenthesized: true };
    const annotated = id("x");
    annotated.typeAnnotation = j.tsTypeAnnotation(j.tsStringKeyword());
    for (const node of [commented, parenthesized, annotated]) expect(printSimple(node as unknown as Node)).toBeNull();
  });
});
