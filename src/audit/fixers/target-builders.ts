import type { ExpressionKind as Expression } from "ast-types/lib/gen/kinds";
import type { ArrayExpression } from "jscodeshift";
import { propertyNamed, type Node } from "../ast";
import { findEmitCalls, mayContainEmit } from "../emit";
import { removeAuditImportIfUnused } from "../imports";
import { setComments, takePlace } from "../snippets";
import {
  AUDIT_LOG_TARGET_BUILDER,
  WORKSPACE_TARGET_BUILDER,
  WORKSPACE_TARGET_TYPE,
  isPlainReference,
  readTarget,
  resourceOfLiteralTarget,
  targetBuilderNames,
  targetInStyle,
  workspaceTargetInStyle,
  type TargetBuilderNames,
  type TargetStyle,
} from "../targets";
import type { StepContext, TransformCore } from "../types";

/** A target that can be rewritten: how to build its replacement, which node of it survives, which builder it stops calling. */
interface Conversion {
  build: () => Expression;
  keep: Node | null;
  drops: string | null;
}

type Plan = Conversion | { reason: string } | null;

const literalName = (type: string | null) => (type === null ? "target literal" : `"${type}" target literal`);

/** `{ type, id: x.sId, name: x.name }` and `buildWorkspaceTarget(x)` → `buildAuditLogTarget("<type>", x)`. */
function planBuilder(ctx: StepContext, element: unknown, names: TargetBuilderNames): Plan {
  const target = readTarget(element, names);
  if (target.form === "workspace-builder") {
    const resource = target.resource;
    if (!resource) return { reason: `${WORKSPACE_TARGET_BUILDER} call kept: it does not pass one workspace` };
    return { build: () => workspaceTargetInStyle(ctx, "builder", resource), keep: resource as unknown as Node, drops: WORKSPACE_TARGET_BUILDER };
  }
  if (target.form === "literal") {
    const described = resourceOfLiteralTarget(target.object);
    if (!described.ok) return { reason: `${literalName(target.type)} kept: ${described.reason}` };
    const { type, resource } = described;
    return { build: () => targetInStyle(ctx, "builder", type, resource), keep: resource as unknown as Node, drops: null };
  }
  return null;
}

/** `buildAuditLogTarget("<type>", x)` → `{ type, id: x.sId, name: x.name }` (a workspace → `buildWorkspaceTarget(x)`). */
function planLiteral(ctx: StepContext, element: unknown, names: TargetBuilderNames): Plan {
  const target = readTarget(element, names);
  if (target.form !== "builder") return null;
  const { type, resource } = target;
  if (type === null) return { reason: `${AUDIT_LOG_TARGET_BUILDER} call kept: its type is not a string literal` };
  if (!resource) return { reason: `${AUDIT_LOG_TARGET_BUILDER}("${type}") call kept: it does not pass one resource` };
  if (type === WORKSPACE_TARGET_TYPE) {
    return { build: () => workspaceTargetInStyle(ctx, "literal", resource), keep: resource as unknown as Node, drops: AUDIT_LOG_TARGET_BUILDER };
  }
  if (!isPlainReference(resource)) {
    return { reason: `${AUDIT_LOG_TARGET_BUILDER}("${type}") call kept: its resource is not a plain reference, so a literal would evaluate it twice` };
  }
  // The literal is written as text, so the resource's own comments are carried, not printed twice.
  return { build: () => targetInStyle(ctx, "literal", type, resource), keep: null, drops: AUDIT_LOG_TARGET_BUILDER };
}

type Comment = Node & { leading?: boolean; trailing?: boolean };

/** Detaches and returns the comments recast attached inside `node`, except inside `keep` (which carries its own). */
function detachInnerComments(node: Node, keep: Node | null): Comment[] {
  const found: Comment[] = [];
  const visit = (value: unknown, isRoot: boolean) => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, false));
    const n = value as Node | null;
    if (!n || typeof n !== "object" || typeof n.type !== "string" || n === keep) return;
    if (!isRoot && Array.isArray(n.comments)) {
      found.push(...(n.comments as Comment[]));
      n.comments = null;
    }
    for (const [key, child] of Object.entries(n)) {
      if (key !== "loc" && key !== "comments" && child && typeof child === "object") visit(child, false);
    }
  };
  visit(node, true);
  return found;
}

/**
 * The comments a replacement must carry: the old target's own stay where they are (the same array,
 * which recast leaves in place); comments from inside a literal or call that disappears are kept
 * above the new target rather than dropped. Detached first, so a resource printed as text has none.
 */
function commentsToCarry(old: Node, keep: Node | null): Comment[] | null {
  const inner = detachInnerComments(old, keep);
  const own = (old.comments as Comment[] | null | undefined) ?? [];
  if (inner.length === 0) return own.length > 0 ? own : null;
  // Without a position recast prints each on its own line above the new target.
  const moved = inner.map((c) => ({ type: c.type, value: c.value, leading: true, trailing: false }));
  return [...own.filter((c) => c.leading), ...moved, ...own.filter((c) => !c.leading)];
}

function styleOption(ctx: StepContext): TargetStyle | null {
  const style = ctx.options.style ?? "builder";
  return style === "builder" || style === "literal" ? style : null;
}

/** Migrates the targets of every emit to one style: builder calls (default) or literals (`--style literal`). */
export const targetBuilders: TransformCore = {
  name: "target-builders",
  description:
    'migrates target literals and `buildWorkspaceTarget(x)` to `buildAuditLogTarget("<type>", x)` when `x` is the resource itself (and back, with `--style literal`)',
  mayMatch: (source, _options, names) => mayContainEmit(source, names),
  needles: (_options, names) => [...names],
  apply(ctx) {
    const style = styleOption(ctx);
    if (!style) {
      ctx.report(null, `unknown style "${String(ctx.options.style)}" (expected builder or literal); nothing changed`, "error");
      return false;
    }
    const emits = findEmitCalls(ctx.j, ctx.root, ctx.conventions.module.emitFunctions);
    if (emits.length === 0) return false;
    const names = targetBuilderNames(ctx);
    const plan = style === "builder" ? planBuilder : planLiteral;
    const dropped = new Set<string>();
    let changed = false;
    for (const emit of emits) {
      const value = emit.event ? (propertyNamed(emit.event, "targets")?.value as Node | undefined) : undefined;
      if (value?.type !== "ArrayExpression") continue;
      const elements = (value as unknown as ArrayExpression).elements;
      elements.forEach((element, i) => {
        const step = plan(ctx, element, names);
        if (!step) return;
        if ("reason" in step) {
          ctx.report(element, step.reason);
          return;
        }
        const comments = commentsToCarry(element as unknown as Node, step.keep);
        const replacement = step.build();
        if (comments) setComments(replacement, comments);
        takePlace(replacement, element);
        elements[i] = replacement;
        changed = true;
        if (step.drops) dropped.add(step.drops);
      });
    }
    // Only a builder this step stopped calling loses its import; an import unused before stays.
    for (const name of dropped) removeAuditImportIfUnused(ctx, name);
    return changed;
  },
};
