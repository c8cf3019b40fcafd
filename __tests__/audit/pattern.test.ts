import type { Node } from "../../src/audit/ast";
import { instantiateTemplate, matchPattern, renameVariables, matchPatternList, metavariablesOf, parsePattern } from "../../src/audit/pattern";
import { babelParse } from "../../src/engine/parse";

/** The first expression of a TypeScript file (parsed as the engine parses files). */
function code(text: string): Node {
  const file = babelParse(`(${text});`, "ts", false) as unknown as { program: { body: Node[] } };
  return file.program.body[0].expression as Node;
}

function pattern(text: string): Node {
  const parsed = parsePattern(text);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
}

/** What a match captured, as source text per name, or null when it does not match. */
function captured(patternText: string, codeText: string): Record<string, string | string[]> | null {
  const source = `(${codeText});`;
  const found = matchPattern(pattern(patternText), code(codeText));
  if (!found) return null;
  const text = (n: Node) => source.slice(n.start as number, n.end as number);
  return Object.fromEntries([...found].map(([name, value]) => [name, Array.isArray(value) ? value.map(text) : text(value)]));
}

describe("matchPattern", () => {
  it.each<[string, string, Record<string, string | string[]> | null]>([
    ["buildAuditActor($auth)", "buildAuditActor(auth)", { auth: "auth" }],
    ["buildAuditActor($auth)", "buildAuditActor(  ctx.get('auth') /* from the router */ )", { auth: "ctx.get('auth')" }],
    ["buildAuditActor($auth)", "buildAuditActor(auth, extra)", null],
    ["buildAuditActor($auth)", "buildActor(auth)", null],
    ["buildAuditActor($auth)", "(buildAuditActor)((auth))", { auth: "auth" }],
    ["$a.sId", "space.sId", { a: "space" }],
    ["$a.sId", "space.id", null],
    ["$x === $x", "a.b === a.b", { x: "a.b" }],
    ["$x === $x", "a.b === a.c", null],
    ["f($a, $$$rest)", "f(1, 2, 3)", { a: "1", rest: ["2", "3"] }],
    ["f($a, $$$rest)", "f(1)", { a: "1", rest: [] }],
    ["f($a, $$$rest)", "f()", null],
    ['{ type: "system", id: $id }', "{ type: 'system', id: \"scheduler\" }", { id: '"scheduler"' }],
    ['{ type: "system", id: $id }', '{ type: "user", id: "u" }', null],
    ['{ type: "system", id: $id }', '{ type: "system", id: "s", name: "n" }', null],
    ["String($n)", "String(count + 1)", { n: "count + 1" }],
    ["1", "0x1", { }],
    ["a?.b", "a.b", null],
    ["x as AuditAction", "x as AuditAction", {}],
    ["`a${$b}`", "`a${c}`", { b: "c" }],
  ])("%s ~ %s", (p, c, expected) => {
    expect(captured(p, c)).toEqual(expected);
  });

  it("matches argument lists with a rest metavariable", () => {
    const patterns = (pattern("f($a, $$$rest)").arguments as Node[]);
    expect(matchPatternList(patterns, code("g(x, y, z)").arguments as Node[])?.get("rest")).toHaveLength(2);
    expect(matchPatternList(patterns, [])).toBeNull();
  });

  it("lists the metavariables of a pattern in order", () => {
    expect(metavariablesOf(pattern("f($b, { a: $a, ...$b }, $$$rest)"))).toEqual(["b", "a", "rest"]);
  });

  it("says why a pattern is not an expression", () => {
    expect(parsePattern("f(")).toBe('"f(" is not an expression: Unexpected token');
    expect(parsePattern(" ")).toBe("expected a pattern (a TypeScript expression), got an empty string");
  });
});

describe("instantiateTemplate", () => {
  const captures = new Map<string, Node | Node[]>([
    ["auth", code("auth")],
    ["cond", code("a ? b : c")],
    ["rest", [code("x"), code("y + 1")]],
  ]);
  const textOf = (n: Node) => ({ Identifier: n.name as string, ConditionalExpression: "a ? b : c", BinaryExpression: "y + 1" })[n.type as "Identifier"] ?? "?";

  it.each<[string, string | { missing: string }]>([
    ["$auth", "auth"],
    ["{ auth: $auth, extra: true }", "{ auth: auth, extra: true }"],
    ["$cond.value", "(a ? b : c).value"],
    ["f($cond)", "f(a ? b : c)"],
    ["[$cond, $$$rest]", "[a ? b : c, x, y + 1]"],
    ["g($$$rest)", "g(x, y + 1)"],
    ["h($nope)", { missing: "$nope" }],
  ])("%s", (template, expected) => {
    expect(instantiateTemplate(template, captures, textOf)).toEqual(expected);
  });
});

describe("renameVariables", () => {
  const renames = new Map([["trackEvent", "track"]]);
  it.each<[string, string]>([
    ['void trackEvent({ event: "a" })', 'void track({ event: "a" })'],
    ["analytics.trackEvent(trackEvent)", "analytics.trackEvent(track)"],
    ["f({ trackEvent: 1, x: trackEvent })", "f({ trackEvent: 1, x: track })"],
    ["f({ trackEvent })", "f({ trackEvent: track })"],
    ["trackEventually()", "trackEventually()"],
  ])("%s", (text, expected) => {
    expect(renameVariables(text, renames)).toBe(expected);
  });
});
