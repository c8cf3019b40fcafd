import type { ExpressionKind as Expression } from "ast-types/lib/gen/kinds";
import type { CallExpression, JSCodeshift, ObjectExpression } from "jscodeshift";
import { isStringLiteral, propertyKeyName, propertyNamed, type Node } from "./ast";
import type { EmitKind } from "./emit";
import { ensureAuditImport, importedLocalName } from "./imports";
import { parseExpression, printNode } from "./snippets";
import type { AuditConventions, StepContext } from "./types";

/*
 * What an audit-log target is (AUDIT7). An element of an emit's `targets` is written one of three
 * ways: `buildWorkspaceTarget(ws)`, `buildAuditLogTarget("<type>", resource)` (where the audit
 * module exports it), or a literal `{ type: "<type>", id: resource.sId, name: resource.name }`.
 */

export const WORKSPACE_TARGET_BUILDER = "buildWorkspaceTarget";
export const AUDIT_LOG_TARGET_BUILDER = "buildAuditLogTarget";
export const WORKSPACE_TARGET_TYPE = "workspace";

export type TargetStyle = AuditConventions["targetStyle"];

/** The names a file calls the two target builders by: the exported names, plus local renames. */
export interface TargetBuilderNames {
  workspace: readonly string[];
  generic: readonly string[];
}

export const CANONICAL_BUILDER_NAMES: TargetBuilderNames = {
  workspace: [WORKSPACE_TARGET_BUILDER],
  generic: [AUDIT_LOG_TARGET_BUILDER],
};

/** The builder names of this file: `import { buildWorkspaceTarget as wsTarget }` adds `wsTarget`. */
export function targetBuilderNames(ctx: StepContext): TargetBuilderNames {
  const withLocal = (exported: string) => {
    const local = importedLocalName(ctx, exported);
    return local && local !== exported ? [exported, local] : [exported];
  };
  return { workspace: withLocal(WORKSPACE_TARGET_BUILDER), generic: withLocal(AUDIT_LOG_TARGET_BUILDER) };
}

/** One element of `targets`, as written. */
export type TargetForm =
  | { form: "workspace-builder"; call: CallExpression; resource: Expression | null }
  | { form: "builder"; call: CallExpression; type: string | null; resource: Expression | null }
  | { form: "literal"; object: ObjectExpression; type: string | null }
  | { form: "spread"; argument: Expression }
  | { form: "other" };

/** A string known without running the code: a string literal or a template without `${}`. */
export function staticString(node: unknown): string | null {
  if (isStringLiteral(node)) return node.value;
  const n = node as Node | null;
  if (n?.type === "TemplateLiteral" && (n.expressions as unknown[]).length === 0) {
    return ((n.quasis as Node[])[0].value as { cooked: string }).cooked;
  }
  return null;
}

function calleeName(call: Node): string | null {
  const callee = call.callee as Node;
  if (callee.type === "Identifier") return callee.name as string;
  // `audit.buildAuditLogTarget(...)` through a namespace import, as emit calls are recognised.
  if (callee.type === "MemberExpression" && !callee.computed && (callee.property as Node).type === "Identifier") {
    return (callee.property as Node).name as string;
  }
  return null;
}

function plainArgument(node: unknown): Expression | null {
  const n = node as Node | undefined;
  return n && n.type !== "SpreadElement" ? (n as unknown as Expression) : null;
}

/** Reads one element of `targets`. */
export function readTarget(node: unknown, names: TargetBuilderNames = CANONICAL_BUILDER_NAMES): TargetForm {
  const n = node as Node | null;
  if (!n) return { form: "other" };
  if (n.type === "SpreadElement") return { form: "spread", argument: n.argument as Expression };
  if (n.type === "ObjectExpression") {
    const object = n as unknown as ObjectExpression;
    const type = propertyNamed(object, "type");
    return { form: "literal", object, type: type ? staticString(type.value) : null };
  }
  if (n.type !== "CallExpression") return { form: "other" };
  const call = n as unknown as CallExpression;
  const args = n.arguments as Node[];
  const name = calleeName(n);
  const isMember = (n.callee as Node).type === "MemberExpression";
  const named = (accepted: readonly string[], exported: string) => name !== null && (isMember ? name === exported : accepted.includes(name));
  if (named(names.workspace, WORKSPACE_TARGET_BUILDER)) {
    return { form: "workspace-builder", call, resource: args.length === 1 ? plainArgument(args[0]) : null };
  }
  if (named(names.generic, AUDIT_LOG_TARGET_BUILDER)) {
    return { form: "builder", call, type: staticString(args[0]), resource: args.length === 2 ? plainArgument(args[1]) : null };
  }
  return { form: "other" };
}

/** The declared type of one target (`"space"`, `"workspace"`, ...), or null when it is not static. */
export function targetType(node: unknown, names: TargetBuilderNames = CANONICAL_BUILDER_NAMES): string | null {
  const target = readTarget(node, names);
  switch (target.form) {
    case "workspace-builder":
      return WORKSPACE_TARGET_TYPE;
    case "builder":
    case "literal":
      return target.type;
    default:
      return null;
  }
}

/** `targetType` with the builder names this file imports (renamed imports included). */
export function targetTypeIn(ctx: StepContext, node: unknown): string | null {
  return targetType(node, targetBuilderNames(ctx));
}

/** True for a workspace target in any of its three forms. */
export function isWorkspaceTarget(node: unknown, names: TargetBuilderNames = CANONICAL_BUILDER_NAMES): boolean {
  return targetType(node, names) === WORKSPACE_TARGET_TYPE;
}

/** `isWorkspaceTarget` with the builder names this file imports (renamed imports included). */
export function isWorkspaceTargetIn(ctx: StepContext, node: unknown): boolean {
  return isWorkspaceTarget(node, targetBuilderNames(ctx));
}

// Keys that say where a node is or what surrounds it, not what it is.
const POSITION_KEYS = new Set(["loc", "start", "end", "range", "comments", "leadingComments", "trailingComments", "innerComments", "tokens"]);

/** Structural equality of two expressions, ignoring positions, comments, parentheses and quote style. */
export function sameExpression(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const absent = (v: unknown) => v === null || v === undefined || v === false;
  if (absent(a) || absent(b)) return absent(a) && absent(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameExpression(x, b[i]));
  }
  if (typeof a !== "object" || typeof b !== "object") return a === b;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    if (POSITION_KEYS.has(key) || key === "extra") continue;
    if (!sameExpression(x[key], y[key])) return false;
  }
  return true;
}

/** A copy of an expression without positions or comments, to insert at a second place. */
export function cloneExpression<T>(node: T): T {
  if (Array.isArray(node)) return node.map(cloneExpression) as T;
  if (!node || typeof node !== "object") return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (POSITION_KEYS.has(key)) continue;
    copy[key] = key === "extra" && value && typeof value === "object" ? { ...value } : cloneExpression(value);
  }
  return copy as T;
}

/** `x.<property>` (not computed, not optional): the `x`, else null. */
function objectReadFor(node: unknown, property: string): Node | null {
  const n = node as Node | null;
  if (n?.type !== "MemberExpression" || n.computed) return null;
  const key = n.property as Node;
  return key.type === "Identifier" && key.name === property ? (n.object as Node) : null;
}

export type LiteralTargetResource = { ok: true; type: string; resource: Expression } | { ok: false; reason: string };

/**
 * The resource a target literal describes: `{ type: "space", id: space.sId, name: space.name }`
 * describes `space`. Only that exact shape qualifies; otherwise the reason it does not.
 */
export function resourceOfLiteralTarget(object: ObjectExpression): LiteralTargetResource {
  const keys = object.properties.map(propertyKeyName);
  if (keys.some((key) => key === null)) return { ok: false, reason: "it has a spread, a method or a computed key" };
  const extra = keys.filter((key) => key !== "type" && key !== "id" && key !== "name");
  if (extra.length > 0) return { ok: false, reason: `it has properties besides type, id and name (${extra.join(", ")})` };
  const type = staticString(propertyNamed(object, "type")?.value);
  if (type === null) return { ok: false, reason: "its `type` is not a string literal" };
  const id = propertyNamed(object, "id");
  const name = propertyNamed(object, "name");
  if (!id) return { ok: false, reason: "it has no `id`" };
  if (!name) return { ok: false, reason: "it has no `name`, and a builder would add one" };
  const fromId = objectReadFor(id.value, "sId");
  const fromName = objectReadFor(name.value, "name");
  if (!fromId) return { ok: false, reason: "its `id` is not read as `<resource>.sId`" };
  if (!fromName) return { ok: false, reason: "its `name` is not read as `<resource>.name`" };
  if (!sameExpression(fromId, fromName)) return { ok: false, reason: "its `id` and `name` are read from different expressions" };
  return { ok: true, type, resource: fromId as unknown as Expression };
}

/** True when reading a property of `node` twice is the same as once: a name, `this`, or a chain of plain property reads (`a.b[c]`). */
export function isPlainReference(node: unknown): boolean {
  const n = node as Node;
  switch (n.type) {
    case "Identifier":
    case "ThisExpression":
      return true;
    case "TSNonNullExpression":
      return isPlainReference(n.expression);
    case "MemberExpression": {
      const key = n.property as Node;
      const plainKey = !n.computed || staticString(key) !== null || key.type === "NumericLiteral" || isPlainReference(key);
      return plainKey && isPlainReference(n.object);
    }
    default:
      return false;
  }
}

/**
 * The expression an emit's workspace comes from, as a new node ready to insert: for `auth` emits
 * `<auth>.getNonNullableWorkspace()` (the `auth` property's value, shorthand or not), for direct
 * emits the `workspace` property's value; each falls back on the other; null when the event has neither.
 */
export function workspaceOfEvent(event: ObjectExpression, kind: EmitKind, j: JSCodeshift): Expression | null {
  const auth = propertyNamed(event, "auth")?.value;
  const workspace = propertyNamed(event, "workspace")?.value;
  const fromAuth = auth ? j.callExpression(j.memberExpression(cloneExpression(auth as Expression), j.identifier("getNonNullableWorkspace")), []) : null;
  const fromWorkspace = workspace ? cloneExpression(workspace as Expression) : null;
  return kind === "auth" ? (fromAuth ?? fromWorkspace) : (fromWorkspace ?? fromAuth);
}

function builderCall(ctx: StepContext, exported: string, args: Expression[]): Expression {
  const local = ensureAuditImport(ctx, exported);
  return ctx.j.callExpression(ctx.j.identifier(local), args);
}

function quoted(ctx: StepContext, text: string): string {
  return ctx.conventions.quote === "single" ? `'${text.replace(/[\\']/g, "\\$&")}'` : JSON.stringify(text);
}

// Expressions that `.sId` can follow without parentheses.
const MEMBER_OBJECT_TYPES = new Set(["Identifier", "ThisExpression", "MemberExpression", "OptionalMemberExpression", "CallExpression", "OptionalCallExpression", "TSNonNullExpression"]);

/** `{ type: "space", id: space.sId, name: space.name }`, written on one line as the code base writes it. */
function literalTarget(ctx: StepContext, type: string, resource: Expression): Expression {
  const text = printNode(ctx, resource);
  const object = MEMBER_OBJECT_TYPES.has(resource.type) ? text : `(${text})`;
  return parseExpression(ctx, `{ type: ${quoted(ctx, type)}, id: ${object}.sId, name: ${object}.name }`);
}

/** The workspace target in a given style: `buildWorkspaceTarget(ws)`, or `buildAuditLogTarget("workspace", ws)`; the import is ensured. */
export function workspaceTargetInStyle(ctx: StepContext, style: TargetStyle, workspace: Expression): Expression {
  if (style === "builder") return builderCall(ctx, AUDIT_LOG_TARGET_BUILDER, [ctx.j.stringLiteral(WORKSPACE_TARGET_TYPE), workspace]);
  return builderCall(ctx, WORKSPACE_TARGET_BUILDER, [workspace]);
}

export type BuiltTarget = { ok: true; target: Expression } | { ok: false; reason: string };

/** True when reading `node` twice is the same as once: a plain reference, or `<plain>.getNonNullableWorkspace()`. */
function readsSameTwice(node: Expression): boolean {
  const n = node as unknown as Node;
  if (n.type !== "CallExpression" || (n.arguments as Node[]).length > 0) return isPlainReference(n);
  const auth = objectReadFor(n.callee, "getNonNullableWorkspace");
  return auth !== null && isPlainReference(auth);
}

/**
 * The workspace target as this repo writes it: the builder its style prefers when the audit module
 * exports it, else the module's other builder, else the literal `{ type: "workspace", id: ws.sId,
 * name: ws.name }` (refused when it would evaluate `workspace` twice). The builder import is added or merged.
 */
export function buildWorkspaceTarget(ctx: StepContext, workspace: Expression): BuiltTarget {
  const { targetStyle, module } = ctx.conventions;
  const preferred: TargetStyle[] = targetStyle === "builder" ? ["builder", "literal"] : ["literal", "builder"];
  // Style "literal" writes the workspace with `buildWorkspaceTarget`, style "builder" with `buildAuditLogTarget`.
  const exported = preferred.find((style) => module.targetBuilders.includes(style === "builder" ? AUDIT_LOG_TARGET_BUILDER : WORKSPACE_TARGET_BUILDER));
  if (exported) return { ok: true, target: workspaceTargetInStyle(ctx, exported, workspace) };
  if (!readsSameTwice(workspace)) {
    return { ok: false, reason: `the audit module exports neither ${WORKSPACE_TARGET_BUILDER} nor ${AUDIT_LOG_TARGET_BUILDER}, and a target literal would evaluate \`${printNode(ctx, workspace).replace(/\s*\n\s*/g, " ")}\` twice` };
  }
  return { ok: true, target: literalTarget(ctx, WORKSPACE_TARGET_TYPE, workspace) };
}

/**
 * A target in a given style: `buildAuditLogTarget("space", space)`, or the literal
 * `{ type: "space", id: space.sId, name: space.name }` (which reads `resource` twice). A
 * `workspace` target is always made with a builder, as the canonical emit (docs/rules.md) writes it.
 */
export function targetInStyle(ctx: StepContext, style: TargetStyle, type: string, resource: Expression): Expression {
  if (type === WORKSPACE_TARGET_TYPE) return workspaceTargetInStyle(ctx, style, resource);
  if (style === "builder") return builderCall(ctx, AUDIT_LOG_TARGET_BUILDER, [ctx.j.stringLiteral(type), resource]);
  return literalTarget(ctx, type, resource);
}

/**
 * A resource target in the repo's style (`ctx.conventions.targetStyle`), as a literal when the audit
 * module exports no `buildAuditLogTarget`; the builder import is added or merged.
 */
export function buildResourceTarget(ctx: StepContext, type: string, resource: Expression): Expression {
  const style = ctx.conventions.module.targetBuilders.includes(AUDIT_LOG_TARGET_BUILDER) ? ctx.conventions.targetStyle : "literal";
  return targetInStyle(ctx, style, type, resource);
}
