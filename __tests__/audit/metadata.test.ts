import type { ASTPath, CallExpression, Collection, JSCodeshift, ObjectExpression } from "jscodeshift";
import { isProvablyString, metadataEntries, metadataValueKind, stringifyValue } from "../../src/audit/metadata";
import { parseForEdit, parseForProbe } from "../../src/engine/parse";

function herePath(source: string, parse: (s: string, p: "ts") => { j: JSCodeshift; root: Collection }): ASTPath<CallExpression> {
  const { j, root } = parse(source, "ts");
  const paths = root.find(j.CallExpression, { callee: { type: "Identifier", name: "here" } }).paths();
  if (paths.length !== 1) throw new Error(`expected one here() in:\n${source}`);
  return paths[0];
}

const PARSES = [
  ["probe (plain babel)", parseForProbe],
  ["edit (recast)", parseForEdit],
] as const;

/** `here(<expr>)` at the end of a handler with a few declarations of each kind in scope. */
function inHandler(expr: string): string {
  return `
const MODULE_LABEL = "module";
function outer(outerName: string) {
  return async function handler(req: NextApiRequest, name: string, count: number, maybe?: string, kind: "a" | "b" = "a") {
    const label: string = compute();
    const fromLiteral = "x";
    const fromTemplate = \`\${count}\`;
    const fromNumber = count + 1;
    const fromParam = name;
    let reassigned = "a";
    const optionalUnion: string | undefined = maybe;
    const { title } = req.body;
    here(${expr});
  };
}`;
}

describe.each(PARSES)("isProvablyString on the %s tree", (_name, parse) => {
  it.each([
    // Provably strings.
    ['"literal"', true],
    ["'single'", true],
    ["`template ${count}`", true],
    ['"n=" + count', true],
    ['count + "px"', true],
    ["String(count)", true],
    ["count.toString()", true],
    ["count.toString(16)", true],
    ['["a", "b"].join(",")', true],
    ["JSON.stringify(req.body)", true],
    ["new Date().toISOString()", true],
    ["label", true],
    ["name", true],
    ["kind", true],
    ["fromLiteral", true],
    ["fromTemplate", true],
    ["fromParam", true],
    ["reassigned", true],
    ['count > 1 ? "many" : "one"', true],
    ['count > 1 ? name : `${count}`', true],
    ['label ?? "none"', true],
    ["(label)", true],
    // Not provably strings.
    ["count", false],
    ["fromNumber", false],
    ["maybe", false],
    ["optionalUnion", false],
    ["title", false],
    ["req.body.name", false],
    ["count + 1", false],
    ['count > 1 ? "many" : count', false],
    ['maybe ?? "none"', false],
    ['title || "none"', false],
    ["count.toFixed(2)", false],
    ["req.body?.toString()", false],
    ["req.body.date?.toISOString()", false],
    ["true", false],
    ["null", false],
    ["undefined", false],
    ["outerName", false],
    ["MODULE_LABEL", false],
    ["unknownName", false],
  ])("%s → %s", (expr, expected) => {
    const path = herePath(inHandler(expr), parse);
    expect(isProvablyString(path, path.node.arguments[0])).toBe(expected);
  });

  it("does not loop on a binding initialised from itself", () => {
    const path = herePath("function f() { const a = b; const b = a; here(b); }", parse);
    expect(isProvablyString(path, path.node.arguments[0])).toBe(false);
  });
});

/** A handler whose bindings give each kind of evidence (or none). */
function withDeclarations(expr: string): string {
  return `
async function handler(req: NextApiRequest, space: SpaceResource, seats: number, enabled: boolean, ids: string[], role: MembershipRoleType, limit?: number) {
  const { domain } = req.body;
  const count = ids.length;
  const isAdmin = role === "admin";
  const doubled = seats * 2;
  const annotated: number = compute();
  const flags: boolean[] = [];
  const fetched = await load();
  here(${expr});
}`;
}

describe.each(PARSES)("metadataValueKind on the %s tree", (_name, parse) => {
  it.each([
    // What the real front writes and the syntax cannot tell: left as written.
    ["space.name", "unknown"],
    ["role", "unknown"],
    ['domain ?? "all"', "unknown"],
    ["space.kind", "unknown"],
    ["fetched", "unknown"],
    ["limit", "unknown"],
    ['seats ?? "none"', "unknown"],
    ["seats + role", "unknown"],
    ["typeof seats", "string"],
    ['"x"', "string"],
    ["String(seats)", "string"],
    ["space.name as string", "string"],
    // Surely not strings: wrapped.
    ["1", "not-string"],
    ["true", "not-string"],
    ["seats - 1", "not-string"],
    ["seats + 1", "not-string"],
    ["seats >= 5", "not-string"],
    ["role !== \"admin\"", "not-string"],
    ["!space.isOpen", "not-string"],
    ["ids.length", "not-string"],
    ["new Set(ids).size", "not-string"],
    ["Boolean(space.restriction)", "not-string"],
    ["Number(req.query.limit)", "not-string"],
    ["ids.some((id) => id === role)", "not-string"],
    ["ids.every(Boolean)", "not-string"],
    ["ids.includes(role)", "not-string"],
    ["new Set(ids).has(role)", "not-string"],
    ["seats", "not-string"],
    ["enabled", "not-string"],
    ["count", "not-string"],
    ["isAdmin", "not-string"],
    ["doubled", "not-string"],
    ["annotated", "not-string"],
    ["flags", "not-string"],
    ["enabled ? 1 : 0", "not-string"],
    ["seats as number", "not-string"],
  ])("%s → %s", (expr, expected) => {
    const path = herePath(withDeclarations(expr), parse);
    expect(metadataValueKind(path, path.node.arguments[0])).toBe(expected);
  });
});

describe.each(PARSES)("metadataEntries on the %s tree", (_name, parse) => {
  function read(event: string) {
    const path = herePath(`here(${event});`, parse);
    const result = metadataEntries(path.node.arguments[0] as ObjectExpression);
    if (result === null) return null;
    if (!result.ok) return { reason: result.reason, at: result.node.type };
    return result.entries.map((e) => [e.key, e.value.type, e.shorthand]);
  }

  it.each([
    ["no metadata", '{ auth, action: "a.b" }', null],
    ["entries", '{ metadata: { a: 1, "b": x, count } }', [["a", "NumericLiteral", false], ["b", "Identifier", false], ["count", "Identifier", true]]],
    ["satisfies", "{ metadata: { a: x } satisfies M }", [["a", "Identifier", false]]],
    ["as", "{ metadata: { a: x } as M }", [["a", "Identifier", false]]],
    ["empty", "{ metadata: {} }", []],
    ["a spread", "{ metadata: { ...extra, a: 1 } }", { reason: "metadata spreads `...extra`", at: "SpreadElement" }],
    ["a spread of a call", "{ metadata: { ...base(), a: 1 } }", { reason: "metadata spreads `...base(...)`", at: "SpreadElement" }],
    ["a spread of an expression", "{ metadata: { ...(a || b) } }", { reason: "metadata spreads an expression", at: "SpreadElement" }],
    ["an identifier", "{ metadata: meta }", { reason: "metadata is `meta`, not an object literal", at: "Identifier" }],
    ["shorthand identifier", "{ metadata }", { reason: "metadata is `metadata`, not an object literal", at: "Identifier" }],
    ["a call", "{ metadata: buildMetadata(space) }", { reason: "metadata is `buildMetadata(...)`, not an object literal", at: "CallExpression" }],
    ["a computed key", "{ metadata: { [key]: 1 } }", { reason: "metadata has a computed key", at: "ObjectProperty" }],
    ["a method", "{ metadata: { get a() { return 1; } } }", { reason: "metadata has a method or accessor", at: "ObjectMethod" }],
  ])("%s", (_case, event, expected) => {
    expect(read(event)).toEqual(expected);
  });
});

describe("stringifyValue", () => {
  it("wraps the expression in String(...)", () => {
    const { j, root } = parseForEdit("x = a.b;", "ts");
    const value = root.find(j.MemberExpression).paths()[0].node;
    expect(j(stringifyValue(j, value)).toSource()).toBe("String(a.b)");
  });
});
