import type { ExpressionKind } from "ast-types/lib/gen/kinds";
import type { CallExpression, JSCodeshift, ObjectExpression } from "jscodeshift";
import type { Node } from "../ast";
import { propertyKeyName, propertyNamed } from "../ast";
import { findEmitCalls, mayContainEmit, type EmitCall } from "../emit";
import { ensureAuditImport, importedLocalName } from "../imports";
import { sourceRange } from "../positions";
import { findAuthInScope, findNextRequestInScope } from "../scope";
import { layoutElements, parseExpression, printNode, type ArraySlot, type SourceRange } from "../snippets";
import type { StepContext, TransformCore } from "../types";

const CONTEXT_HELPER = "getAuditLogContext";

/** A fresh copy of `auth`, `this.auth`, `ctx.auth`: the emit's own principal, repeated in its context. */
function cloneReference(j: JSCodeshift, node: Node): ExpressionKind | null {
  if (node.type === "Identifier") return j.identifier(node.name as string);
  if (node.type === "ThisExpression") return j.thisExpression();
  if (node.type === "MemberExpression" && !node.computed && (node.property as Node).type === "Identifier") {
    const object = cloneReference(j, node.object as Node);
    return object ? j.memberExpression(object, j.identifier((node.property as Node).name as string)) : null;
  }
  return null;
}

/** True for `getAuditLogContext(...)` under the name the file imports it by (or `audit.getAuditLogContext(...)`). */
function isContextHelperCall(node: Node, localName: string): node is Node & CallExpression {
  if (node.type !== "CallExpression") return false;
  const callee = node.callee as Node;
  if (callee.type === "Identifier") return callee.name === localName;
  return callee.type === "MemberExpression" && !callee.computed && (callee.property as Node).name === CONTEXT_HELPER;
}

function commentsOf(node: unknown): Node[] {
  return ((node as Node).comments as Node[] | undefined) ?? [];
}

/**
 * Makes the snippet's pristine properties hold the comments the old properties hold. recast attaches
 * a comment beside the insertion point to the new property in the snippet but to its neighbour in the
 * file; printed as is, it would appear twice. Comments are matched in order and by text; false when
 * they do not match (the caller then lets recast print the object generically).
 */
function adoptCommentAttachment(event: ObjectExpression, snippet: ObjectExpression, index: number): boolean {
  const pristine = ((snippet as unknown as Node).original as Node | undefined)?.properties as Node[] | undefined;
  if (!pristine || pristine.length !== snippet.properties.length) return false;
  const byStart = (a: Node, b: Node) => (a.start as number) - (b.start as number);
  const fileComments = event.properties.flatMap(commentsOf).sort(byStart);
  const snippetComments = pristine.flatMap(commentsOf).sort(byStart);
  if (fileComments.length !== snippetComments.length || fileComments.some((c, i) => c.value !== snippetComments[i].value)) return false;
  const counterpart = new Map(fileComments.map((c, i) => [c, snippetComments[i]]));
  pristine.forEach((property, i) => {
    const old = i === index ? null : event.properties[i < index ? i : i - 1];
    property.comments = old ? commentsOf(old).map((c) => counterpart.get(c) as Node) : [];
  });
  (snippet.properties[index] as unknown as Node).comments = [];
  return true;
}

/**
 * The event object with the property `text` inserted at `index`, laid out as the object was (one
 * property per line stays so, one line stays one line, comments stay beside their property): the
 * object is re-parsed from re-laid-out text and the old property nodes are put back, so their
 * positions and any edit an earlier step made survive. Null when the layout cannot be kept.
 */
function withInsertedProperty(ctx: StepContext, event: ObjectExpression, index: number, text: string): ObjectExpression | null {
  const objectRange = sourceRange(ctx.source, event);
  const ranges = event.properties.map((p) => sourceRange(ctx.source, p));
  if (!objectRange || !ranges.every((r): r is SourceRange => r !== null)) return null;
  const slots: ArraySlot[] = event.properties.map((_, i) => ({ kept: i }));
  slots.splice(index, 0, { text });
  const laidOut = layoutElements(ctx.source, objectRange, ranges, slots);
  if (laidOut === null) return null;
  const indent = (event as unknown as { loc?: { indent?: number } | null }).loc?.indent ?? 0;
  let snippet: ObjectExpression | null = null;
  try {
    // Written as an array element: a parenthesised object would keep its parentheses when printed.
    const program = ctx.j(`${" ".repeat(indent)}[{${laidOut.slice(1, -1)}}]`).get().node.program as { body: Node[] };
    const element = ((program.body[0].expression as Node).elements as Node[])[0];
    if (element.type === "ObjectExpression") snippet = element as unknown as ObjectExpression;
  } catch {
    return null;
  }
  if (!snippet || snippet.properties.length !== event.properties.length + 1) return null;
  if (!adoptCommentAttachment(event, snippet, index)) return null;
  const added = snippet.properties[index] as unknown as Node;
  added.loc = null;
  snippet.properties = [...event.properties.slice(0, index), added as never, ...event.properties.slice(index)];
  // The snippet takes the old object's place: reports point into the file; recast compares start/end with its pristine copy.
  const target = snippet as unknown as Node;
  const old = event as unknown as Node;
  target.loc = old.loc;
  if (old.comments) {
    // Comments on the object itself stay where they are in the file; the snippet must not differ in them.
    target.comments = old.comments;
    if (target.original) (target.original as Node).comments = old.comments;
  }
  for (const key of ["start", "end"] as const) {
    target[key] = old[key];
    if (target.original) (target.original as Node)[key] = old[key];
  }
  return snippet;
}

/** Puts `context` where the canonical emit (docs/rules.md) has it: after `targets` (else after `action`, else last). */
function insertContext(ctx: StepContext, emit: EmitCall, event: ObjectExpression, text: string): void {
  const properties = event.properties;
  const after = ["targets", "action"].map((name) => properties.findIndex((p) => propertyKeyName(p) === name)).find((i) => i !== -1);
  const index = after === undefined ? properties.length : after + 1;
  const replacement = withInsertedProperty(ctx, event, index, `context: ${text}`);
  if (replacement) {
    emit.path.node.arguments[0] = replacement;
    return;
  }
  // recast prints the object generically (one property per line); the value still prints as written.
  const value = parseExpression(ctx, text) as unknown as ExpressionKind;
  properties.splice(index, 0, ctx.j.objectProperty(ctx.j.identifier("context"), value) as never);
}

function hasSpread(event: ObjectExpression): boolean {
  return event.properties.some((p) => p.type === "SpreadElement" || (p as { type: string }).type === "SpreadProperty");
}

/** `emitAuditLogEvent` in a Next.js handler: add `context: getAuditLogContext(auth, req)` or upgrade `(auth)`. */
function fixRequestContext(ctx: StepContext, emit: EmitCall, event: ObjectExpression, req: string): boolean {
  const { j } = ctx;
  const context = propertyNamed(event, "context");
  if (context) {
    const value = context.value as unknown as Node;
    if (!isContextHelperCall(value, importedLocalName(ctx, CONTEXT_HELPER) ?? CONTEXT_HELPER)) {
      ctx.report(value as never, `context is not \`${CONTEXT_HELPER}(...)\` although the Next.js request \`${req}\` is in scope (AUDIT6); left alone`);
      return false;
    }
    if (value.arguments.length !== 1) return false;
    value.arguments.push(j.identifier(req));
    return true;
  }
  if (hasSpread(event)) {
    ctx.report(emit.path.node, `${emit.callee} spreads properties that may set context; add \`context: ${CONTEXT_HELPER}(auth, ${req})\` by hand (AUDIT6)`);
    return false;
  }
  const authValue = propertyNamed(event, "auth")?.value as unknown as Node | undefined;
  // The older call shape (`{ workspace: owner, actor: buildAuditActor(auth), ... }`) passes no `auth`: the one in scope is the request's.
  const inScope = authValue ? null : findAuthInScope(emit.path);
  const auth = authValue ? cloneReference(j, authValue) : inScope ? j.identifier(inScope) : null;
  if (!auth) {
    const what = authValue ? "its `auth` is not a name" : "it passes no `auth` and no Authenticator is in scope";
    ctx.report(emit.path.node, `${emit.callee} has no context and ${what}; add \`context: ${CONTEXT_HELPER}(auth, ${req})\` by hand (AUDIT6)`);
    return false;
  }
  const helper = ensureAuditImport(ctx, CONTEXT_HELPER);
  insertContext(ctx, emit, event, `${helper}(${printNode(ctx, auth)}, ${req})`);
  return true;
}

/** AUDIT6: request context on request-driven emits, `{ location: "internal" }` on direct emits. */
export const auditContext: TransformCore = {
  name: "audit-context",
  description:
    "adds `context: getAuditLogContext(auth, req)` where a Next.js request is in scope and upgrades `getAuditLogContext(auth)` to `(auth, req)`; direct emits without context get `{ location: \"internal\" }` (AUDIT6)",
  mayMatch: (source, _options, names) => mayContainEmit(source, names),
  needles: (_options, names) => [...names],
  apply(ctx) {
    let changed = false;
    for (const emit of findEmitCalls(ctx.j, ctx.root, ctx.conventions.module.emitFunctions)) {
      const event = emit.event;
      if (emit.kind === "direct") {
        if (!event) {
          ctx.report(emit.path.node, `${emit.callee} is not called with an object literal, so its context cannot be checked (AUDIT6); left alone`);
        } else if (propertyNamed(event, "context")) {
          // A direct emit chooses its own context; only a missing one is filled in.
        } else if (hasSpread(event)) {
          ctx.report(emit.path.node, `${emit.callee} spreads properties that may set context; add \`context: { location: "internal" }\` by hand if they do not (AUDIT6)`);
        } else {
          const quote = ctx.conventions.quote === "single" ? "'" : '"';
          insertContext(ctx, emit, event, `{ location: ${quote}internal${quote} }`);
          changed = true;
        }
        continue;
      }
      // Hono handlers, lib functions and Temporal activities have no Next.js request: nothing to add.
      const req = findNextRequestInScope(emit.path);
      if (!req) continue;
      if (!event) {
        ctx.report(emit.path.node, `${emit.callee} is not called with an object literal, so its context cannot be checked (AUDIT6); left alone`);
        continue;
      }
      changed = fixRequestContext(ctx, emit, event, req) || changed;
    }
    return changed;
  },
};
