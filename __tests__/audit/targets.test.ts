import type { ExpressionKind } from "ast-types/lib/gen/kinds";
import type { Collection, JSCodeshift, ObjectExpression } from "jscodeshift";
import type { Node } from "../../src/audit/ast";
import {
  buildResourceTarget,
  buildWorkspaceTarget,
  isPlainReference,
  isWorkspaceTarget,
  isWorkspaceTargetIn,
  readTarget,
  resourceOfLiteralTarget,
  sameExpression,
  targetBuilderNames,
  targetInStyle,
  targetType,
  targetTypeIn,
  workspaceOfEvent,
} from "../../src/audit/targets";
import { DEFAULT_CONVENTIONS, DEFAULT_MODULE_FACTS, type AuditConventions, type StepContext } from "../../src/audit/types";
import { parseForEdit, parseForProbe } from "../../src/engine/parse";
import { parseExpression } from "../../src/audit/snippets";

// Every reader must see a recast tree and a plain @babel/parser tree the same way.
const PARSES: [string, (src: string) => { j: JSCodeshift; root: Collection }][] = [
  ["recast", (src) => parseForEdit(src, "ts")],
  ["babel", (src) => parseForProbe(src, "ts")],
];

function contextFor(source: string, parse: (src: string) => { j: JSCodeshift; root: Collection }, conventions: Partial<AuditConventions> = {}): StepContext {
  const { j, root } = parse(source);
  return { j, root, file: "x.ts", source, conventions: { ...DEFAULT_CONVENTIONS, ...conventions }, options: {}, report: () => undefined };
}

/** The expression of the last statement of `source` (`x;` → x). */
function lastExpression(ctx: StepContext): Node {
  const body = ctx.root.find(ctx.j.Program).get().node.body as Node[];
  return body[body.length - 1].expression as Node;
}

const print = (ctx: StepContext, node: unknown) => ctx.j(node as ExpressionKind).toSource({ quote: ctx.conventions.quote });

describe.each(PARSES)("target readers (%s)", (_parser, parse) => {
  const expressionOf = (code: string) => lastExpression(contextFor(`(${code});`, parse));

  it.each([
    ['{ type: "space", id: space.sId, name: space.name }', "space", "literal"],
    ["{ type: `agent`, id: agent.sId, name: agent.name }", "agent", "literal"],
    ['{ type: "workspace", id: ws.sId, name: ws.name }', "workspace", "literal"],
    ['buildAuditLogTarget("agent", a)', "agent", "builder"],
    ['audit.buildAuditLogTarget("api_key", key)', "api_key", "builder"],
    ['buildAuditLogTarget("workspace", auth.getNonNullableWorkspace())', "workspace", "builder"],
    ["buildWorkspaceTarget(w)", "workspace", "workspace-builder"],
    ["audit.buildWorkspaceTarget(w)", "workspace", "workspace-builder"],
    ["buildAuditLogTarget(kind, a)", null, "builder"],
    ["{ type, id: a.sId, name: a.name }", null, "literal"],
    ["{ type: `${kind}`, id: a.sId }", null, "literal"],
    ["makeTarget(space)", null, "other"],
    ["space", null, "other"],
  ])("%s has type %p (%s)", (code, type, form) => {
    const node = expressionOf(code);
    expect(targetType(node)).toBe(type);
    expect(readTarget(node).form).toBe(form);
    expect(isWorkspaceTarget(node)).toBe(type === "workspace");
  });

  it("reads a spread element as a spread, with no type", () => {
    const array = expressionOf("[...extra]");
    const [spread] = array.elements as Node[];
    expect(readTarget(spread).form).toBe("spread");
    expect(targetType(spread)).toBeNull();
    expect(isWorkspaceTarget(spread)).toBe(false);
  });

  it("resolves builders imported under another name", () => {
    const ctx = contextFor(
      'import { buildWorkspaceTarget as wsTarget, buildAuditLogTarget as target } from "@app/lib/api/audit/workos_audit";\n[wsTarget(w), target("space", s)];',
      parse,
    );
    const [ws, space] = lastExpression(ctx).elements as Node[];
    expect(targetBuilderNames(ctx)).toEqual({ workspace: ["buildWorkspaceTarget", "wsTarget"], generic: ["buildAuditLogTarget", "target"] });
    expect(isWorkspaceTarget(ws)).toBe(false);
    expect(isWorkspaceTargetIn(ctx, ws)).toBe(true);
    expect(targetType(space)).toBeNull();
    expect(targetTypeIn(ctx, space)).toBe("space");
  });

  it("ignores a renamed builder imported from another module", () => {
    const ctx = contextFor('import { buildWorkspaceTarget as wsTarget } from "@app/lib/targets";\nwsTarget(w);', parse);
    expect(isWorkspaceTargetIn(ctx, lastExpression(ctx))).toBe(false);
  });

  it.each([
    ['{ type: "space", id: space.sId, name: space.name }', "ok: space space"],
    ['{ name: r.value.space.name, type: "space", id: r.value.space.sId }', "ok: space r.value.space"],
    ['{ type: "workspace", id: auth.getNonNullableWorkspace().sId, name: auth.getNonNullableWorkspace().name }', "ok: workspace auth.getNonNullableWorkspace()"],
    ['{ type: "api_key", id: String(key.id), name: key.name }', "its `id` is not read as `<resource>.sId`"],
    ['{ type: "api_key", id: key.sId, name: key.label }', "its `name` is not read as `<resource>.name`"],
    ['{ type: "api_key", id: key["sId"], name: key.name }', "its `id` is not read as `<resource>.sId`"],
    ['{ type: "group", id: group.sId, name: user.name }', "its `id` and `name` are read from different expressions"],
    ['{ type: "user", id: user.sId, name: user.name, email: user.email }', "it has properties besides type, id and name (email)"],
    ['{ type: "user", id: user.sId }', "it has no `name`, and a builder would add one"],
    ['{ type: "user", name: user.name }', "it has no `id`"],
    ["{ type: kind, id: user.sId, name: user.name }", "its `type` is not a string literal"],
    ['{ ...base, type: "user" }', "it has a spread, a method or a computed key"],
    ['{ [key]: "user", id: user.sId, name: user.name }', "it has a spread, a method or a computed key"],
  ])("resourceOfLiteralTarget(%s) → %s", (code, expected) => {
    const ctx = contextFor(`(${code});`, parse);
    const result = resourceOfLiteralTarget(lastExpression(ctx) as unknown as ObjectExpression);
    expect(result.ok ? `ok: ${result.type} ${print(ctx, result.resource)}` : result.reason).toBe(expected);
  });

  it.each([
    ["space", true],
    ["this", true],
    ["r.value.space", true],
    ["groupsById[groupId]", true],
    ['groups["main"].space', true],
    ["memberships[0].group", true],
    ["group.parent!", true],
    ["getSpace()", false],
    ["auth.getNonNullableWorkspace()", false],
    ["a ?? b", false],
    ["(await load()).space", false],
    ["spaces[i++]", false],
  ])("isPlainReference(%s) is %p", (code, expected) => {
    expect(isPlainReference(expressionOf(code))).toBe(expected);
  });

  it.each([
    ["a.b", "a . b", true],
    ['a["b"]', "a['b']", true],
    ["a.b", "a.c", false],
    ["f(x)", "f(x, y)", false],
    ["auth.getNonNullableWorkspace()", "auth.getNonNullableWorkspace()", true],
    ["x!", "x", false],
  ])("sameExpression(%s, %s) is %p", (a, b, expected) => {
    expect(sameExpression(expressionOf(a), expressionOf(b))).toBe(expected);
  });
});

describe.each(PARSES)("workspaceOfEvent (%s)", (_parser, parse) => {
  it.each([
    ["{ auth, action: 'x' }", "auth", "auth.getNonNullableWorkspace()"],
    ["{ auth: adminAuth, action: 'x' }", "auth", "adminAuth.getNonNullableWorkspace()"],
    ['{ auth: ctx.get("auth"), action: "x" }', "auth", 'ctx.get("auth").getNonNullableWorkspace()'],
    ["{ auth: a ?? b, action: 'x' }", "auth", "(a ?? b).getNonNullableWorkspace()"],
    ["{ workspace, auth }", "auth", "auth.getNonNullableWorkspace()"],
    ["{ workspace: owner.workspace, action: 'x' }", "auth", "owner.workspace"],
    ["{ workspace, action: 'x' }", "direct", "workspace"],
    ["{ workspace: owner.workspace, auth }", "direct", "owner.workspace"],
    ["{ auth, action: 'x' }", "direct", "auth.getNonNullableWorkspace()"],
    ["{ action: 'x', targets: [] }", "auth", null],
    ["{ ...base, action: 'x' }", "direct", null],
  ] as const)("%s (%s emit) → %p", (code, kind, expected) => {
    const ctx = contextFor(`(${code});`, parse);
    const event = lastExpression(ctx) as unknown as ObjectExpression;
    const workspace = workspaceOfEvent(event, kind, ctx.j);
    expect(workspace === null ? null : print(ctx, workspace)).toBe(expected);
  });

  it("returns a new node, not the event's own value", () => {
    const ctx = contextFor("({ workspace: owner.workspace });", parse);
    const event = lastExpression(ctx) as unknown as ObjectExpression;
    const value = (event.properties[0] as unknown as { value: unknown }).value;
    const workspace = workspaceOfEvent(event, "direct", ctx.j) as unknown as Node;
    expect(workspace).not.toBe(value);
    expect(workspace.loc).toBeUndefined();
    expect(sameExpression(workspace, value)).toBe(true);
  });
});

/** The workspace target `buildWorkspaceTarget` writes, failing the test when it refuses. */
function workspaceTargetOf(ctx: StepContext, workspace: ExpressionKind): ExpressionKind {
  const built = buildWorkspaceTarget(ctx, workspace);
  if (!built.ok) throw new Error(built.reason);
  return built.target;
}

describe("target builders", () => {
  const source = 'import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";\n\nwork(space, ws);\n';

  /** Builds a target from the `space`/`ws` arguments of the last line, puts it in their place and prints the file. */
  function built(conventions: Partial<AuditConventions>, make: (ctx: StepContext, args: ExpressionKind[]) => ExpressionKind): string {
    const ctx = contextFor(source, (src) => parseForEdit(src, "ts"), conventions);
    const call = lastExpression(ctx);
    const args = call.arguments as ExpressionKind[];
    call.arguments = [make(ctx, args)];
    return ctx.root.toSource({ quote: ctx.conventions.quote });
  }

  it("writes the workspace target with buildWorkspaceTarget and merges the import (literal style)", () => {
    expect(built({ targetStyle: "literal" }, (ctx, [, ws]) => workspaceTargetOf(ctx, ws))).toBe(
      'import { buildWorkspaceTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";\n\nwork(buildWorkspaceTarget(ws));\n',
    );
  });

  it("writes the workspace target with buildAuditLogTarget in builder style", () => {
    expect(built({ targetStyle: "builder" }, (ctx, [, ws]) => workspaceTargetOf(ctx, ws))).toBe(
      'import { buildAuditLogTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";\n\nwork(buildAuditLogTarget("workspace", ws));\n',
    );
  });

  it.each([
    ["literal", ["buildAuditLogTarget"], "ws", 'import { buildAuditLogTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";\n\nwork(buildAuditLogTarget("workspace", ws));\n'],
    ["builder", ["buildWorkspaceTarget", "buildSpaceTarget"], "ws", 'import { buildWorkspaceTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";\n\nwork(buildWorkspaceTarget(ws));\n'],
    ["literal", [], "ws", 'import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";\n\nwork({ type: "workspace", id: ws.sId, name: ws.name });\n'],
    ["builder", [], "auth.getNonNullableWorkspace()", 'import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";\n\nwork(\n  { type: "workspace", id: auth.getNonNullableWorkspace().sId, name: auth.getNonNullableWorkspace().name }\n);\n'],
  ] as const)("%s style, the module exporting %p: the workspace target of %s is written with what the module has", (targetStyle, targetBuilders, workspace, expected) => {
    const module = { ...DEFAULT_MODULE_FACTS, targetBuilders: [...targetBuilders] };
    expect(built({ targetStyle, module }, (ctx) => workspaceTargetOf(ctx, parseExpression(ctx, workspace)))).toBe(expected);
  });

  it("refuses a literal workspace target that would evaluate its workspace twice, saying why", () => {
    const ctx = contextFor(source, (src) => parseForEdit(src, "ts"), { module: { ...DEFAULT_MODULE_FACTS, targetBuilders: [] } });
    expect(buildWorkspaceTarget(ctx, parseExpression(ctx, "await getWorkspace(wId)"))).toEqual({
      ok: false,
      reason: "the audit module exports neither buildWorkspaceTarget nor buildAuditLogTarget, and a target literal would evaluate `await getWorkspace(wId)` twice",
    });
  });

  it("writes a resource target as a literal in builder style when the module exports no buildAuditLogTarget", () => {
    const module = { ...DEFAULT_MODULE_FACTS, targetBuilders: ["buildWorkspaceTarget"] };
    expect(built({ targetStyle: "builder", module }, (ctx, [space]) => buildResourceTarget(ctx, "space", space))).toBe(
      'import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";\n\nwork({ type: "space", id: space.sId, name: space.name });\n',
    );
  });

  it("writes a resource target as a one-line literal in literal style, with no import", () => {
    expect(built({ targetStyle: "literal" }, (ctx, [space]) => buildResourceTarget(ctx, "space", space))).toBe(
      'import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";\n\nwork({ type: "space", id: space.sId, name: space.name });\n',
    );
  });

  it("honours the quote convention in a literal", () => {
    expect(built({ targetStyle: "literal", quote: "single" }, (ctx, [space]) => buildResourceTarget(ctx, "api_key", space))).toBe(
      "import { emitAuditLogEvent } from \"@app/lib/api/audit/workos_audit\";\n\nwork({ type: 'api_key', id: space.sId, name: space.name });\n",
    );
  });

  it("parenthesises a resource that `.sId` cannot follow", () => {
    expect(
      built({ targetStyle: "literal" }, (ctx, [space, ws]) => buildResourceTarget(ctx, "space", ctx.j.logicalExpression("??", space, ws))),
    ).toContain('work({ type: "space", id: (space ?? ws).sId, name: (space ?? ws).name });');
  });

  it("writes a resource target with buildAuditLogTarget in builder style", () => {
    expect(built({ targetStyle: "builder" }, (ctx, [space]) => buildResourceTarget(ctx, "space", space))).toBe(
      'import { buildAuditLogTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";\n\nwork(buildAuditLogTarget("space", space));\n',
    );
  });

  it("makes a workspace resource target with a builder in both styles", () => {
    expect(built({ targetStyle: "literal" }, (ctx, [, ws]) => buildResourceTarget(ctx, "workspace", ws))).toContain("work(buildWorkspaceTarget(ws));");
    expect(built({ targetStyle: "literal" }, (ctx, [, ws]) => targetInStyle(ctx, "builder", "workspace", ws))).toContain('work(buildAuditLogTarget("workspace", ws));');
  });

  it("calls a builder by the name the file imports it under", () => {
    const renamed = 'import { buildAuditLogTarget as target } from "@app/lib/api/audit/workos_audit";\n\nwork(space, ws);\n';
    const ctx = contextFor(renamed, (src) => parseForEdit(src, "ts"), { targetStyle: "builder" });
    const call = lastExpression(ctx);
    call.arguments = [buildResourceTarget(ctx, "space", (call.arguments as ExpressionKind[])[0])];
    expect(ctx.root.toSource()).toBe(renamed.replace("work(space, ws);", 'work(target("space", space));'));
  });
});
