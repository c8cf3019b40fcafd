import type { ArrayExpression, ASTNode, ObjectExpression } from "jscodeshift";
import { propertyNamed, type NamedProperty, type Node } from "../ast";
import { findEmitCalls, mayContainEmit, type EmitCall } from "../emit";
import { withElements } from "../snippets";
import { buildWorkspaceTarget, isWorkspaceTarget, targetBuilderNames, workspaceOfEvent, type TargetBuilderNames } from "../targets";
import type { StepContext, TransformCore } from "../types";

/** How a non-array `targets` value reads in a report. */
function describeValue(node: Node): string {
  switch (node.type) {
    case "Identifier":
      return `the variable \`${node.name as string}\``;
    case "CallExpression":
    case "OptionalCallExpression":
    case "AwaitExpression":
      return "the result of a call";
    case "MemberExpression":
    case "OptionalMemberExpression":
      return "a property read";
    case "ConditionalExpression":
    case "LogicalExpression":
      return "a conditional";
    default:
      return "an expression";
  }
}

function describeSpread(spread: Node): string {
  const argument = spread.argument as Node;
  return argument.type === "Identifier" ? `\`...${argument.name as string}\`` : "a spread";
}

/** " (it spreads `...base`)" when the event object spreads another, which may hold what is missing. */
function spreadNote(event: ObjectExpression): string {
  const spread = event.properties.find((p) => p.type === "SpreadElement" || p.type === "SpreadProperty") as unknown as Node | undefined;
  return spread ? ` (it spreads ${describeSpread(spread)})` : "";
}

/** Puts the workspace target first in one emit's array literal; true when it changed the array. */
function fixTargets(ctx: StepContext, emit: EmitCall, event: ObjectExpression, targets: NamedProperty, names: TargetBuilderNames): boolean {
  const array = targets.value as ArrayExpression;
  const elements = array.elements;
  const at = elements.findIndex((element) => isWorkspaceTarget(element, names));
  if (at === 0) return false;
  if (at > 0) {
    // Moving is safe whatever else the array holds: it only changes the order.
    targets.value = withElements(ctx, array, [elements[at], ...elements.filter((_, i) => i !== at)]);
    return true;
  }
  const spread = elements.find((element) => (element as Node | null)?.type === "SpreadElement") as Node | undefined;
  if (spread) {
    ctx.report(spread as unknown as ASTNode, `${emit.callee} targets spread ${describeSpread(spread)}; cannot tell whether the workspace target comes first (AUDIT7)`);
    return false;
  }
  const workspace = workspaceOfEvent(event, emit.kind, ctx.j);
  if (!workspace) {
    ctx.report(emit.path.node, `${emit.callee} has neither \`auth\` nor \`workspace\`${spreadNote(event)}; no workspace target can be built (AUDIT7)`);
    return false;
  }
  const built = buildWorkspaceTarget(ctx, workspace);
  if (!built.ok) {
    ctx.report(emit.path.node, `${emit.callee} has no workspace target, and none can be written: ${built.reason} (AUDIT7)`);
    return false;
  }
  targets.value = withElements(ctx, array, [built.target, ...elements]);
  return true;
}

/** AUDIT7: the workspace is the first target of every emit; added when missing, moved when not first. */
export const workspaceTarget: TransformCore = {
  name: "workspace-target",
  description: "adds the missing workspace target as the first target, or moves it first (AUDIT7); in direct emits it builds it from `workspace`",
  mayMatch: (source, _options, names) => mayContainEmit(source, names),
  needles: (_options, names) => [...names],
  // The target builders the audit module exports decide how a missing workspace target is written.
  needsConventions: true,
  apply(ctx) {
    const emits = findEmitCalls(ctx.j, ctx.root, ctx.conventions.module.emitFunctions);
    if (emits.length === 0) return false;
    const names = targetBuilderNames(ctx);
    let changed = false;
    for (const emit of emits) {
      if (!emit.event) {
        ctx.report(emit.path.node, `${emit.callee} is not passed an object literal; its targets cannot be checked (AUDIT7)`);
        continue;
      }
      const targets = propertyNamed(emit.event, "targets");
      if (!targets) {
        ctx.report(emit.path.node, `${emit.callee} has no \`targets\`${spreadNote(emit.event)}; the workspace target cannot be added (AUDIT7)`);
        continue;
      }
      const value = targets.value as Node;
      if (value.type !== "ArrayExpression") {
        ctx.report(value as unknown as ASTNode, `${emit.callee} targets is ${describeValue(value)}, not an array literal; cannot check that the workspace target comes first (AUDIT7)`);
        continue;
      }
      if (fixTargets(ctx, emit, emit.event, targets, names)) changed = true;
    }
    return changed;
  },
};
