import type { StatementKind as Statement } from "ast-types/lib/gen/kinds";
import type { ASTPath } from "jscodeshift";
import type { TemplateImport } from "../../config/template-import";
import type { Node } from "../ast";
import { parseStatement } from "../build-emit";
import { ensureImport, importedLocalNameFrom } from "../imports";
import { dottedName } from "../mutation";
import { parsePattern, renameVariables } from "../pattern";
import type { StepContext } from "../types";

/*
 * `instrument` with a `template`: any call (analytics, tracing, cache invalidation) placed where an
 * audit emit would go. Placement, scope checks, skips and reports are the instrument core's own;
 * this file only says what the template's call is, whether a function already makes it, and
 * writes it.
 */

/** The call a template makes (`trackEvent` in `void trackEvent({ ... })`, `analytics.track`), or null when it is not one call. */
export function templateCallee(template: string): string | null {
  const parsed = parsePattern(template);
  if (typeof parsed === "string") return null;
  let node = parsed;
  while (node.type === "UnaryExpression" || node.type === "AwaitExpression") node = node.argument as Node;
  if (node.type !== "CallExpression" && node.type !== "OptionalCallExpression") return null;
  return dottedName(node.callee as Node);
}

function endOf(node: unknown): { line: number; column: number } | null {
  return (node as { loc?: { end: { line: number; column: number } } | null }).loc?.end ?? null;
}

function startOf(node: unknown): { line: number; column: number } | null {
  return (node as { loc?: { start: { line: number; column: number } } | null }).loc?.start ?? null;
}

/** The line of a call to `callee` after the mutation call, in the function holding it (or the module): "already instrumented". */
export function existingTemplateCallLine(ctx: StepContext, fn: ASTPath | null, mutationCall: ASTPath, callee: string): number | null {
  const after = endOf(mutationCall.node);
  let line: number | null = null;
  (fn ? ctx.j(fn) : ctx.root).find(ctx.j.CallExpression).forEach((path) => {
    if (line !== null || dottedName(path.node.callee as unknown as Node) !== callee) return;
    const start = startOf(path.node);
    if (after && start && (start.line > after.line || (start.line === after.line && start.column >= after.column))) line = start.line;
  });
  return line;
}

/** The callee as this file calls it: `track` when the file imports the template's `trackEvent` as `track`. */
export function localTemplateCallee(ctx: StepContext, template: string, imports: TemplateImport | undefined): string | null {
  const callee = templateCallee(template);
  if (callee === null || !imports) return callee;
  const [root, ...rest] = callee.split(".");
  const local = imports.names.includes(root) ? importedLocalNameFrom(ctx, imports.from, root) : null;
  return local ? [local, ...rest].join(".") : callee;
}

/** The template's statement, ready to insert, with the imports it names added as the fixers add audit imports (and called by their local names). */
export function buildTemplateStatement(ctx: StepContext, template: string, imports: TemplateImport | undefined): Statement {
  const renames = new Map<string, string>();
  for (const name of imports?.names ?? []) {
    const local = ensureImport(ctx, imports!.from, name);
    if (local !== name) renames.set(name, local);
  }
  const text = renameVariables(template.trim(), renames);
  return parseStatement(ctx, text.endsWith(";") ? text : `${text};`);
}
