import type { ASTNode } from "jscodeshift";
import { propertyNamed, type Node } from "../../audit/ast";
import type { EmitSite, FileRuleContext } from "../types";

/** The node of an emit's `action` value (where action diagnostics point), else the call. */
export function actionNode(site: EmitSite): ASTNode {
  const value = site.emit.event ? propertyNamed(site.emit.event, "action")?.value : undefined;
  return (value ?? site.emit.path.node) as ASTNode;
}

/** The value of an emit's property (`targets`, `context`), or null. */
export function eventProperty(site: EmitSite, name: string): Node | null {
  const value = site.emit.event ? propertyNamed(site.emit.event, name)?.value : undefined;
  return (value as unknown as Node | undefined) ?? null;
}

/** A node's source text on one line, cut at 40 characters, for messages. */
export function snippet(context: Pick<FileRuleContext, "source">, node: unknown): string {
  const { start, end } = node as { start?: number; end?: number };
  if (typeof start !== "number" || typeof end !== "number") return "an expression";
  const text = context.source.slice(start, end).replace(/\s+/g, " ");
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
