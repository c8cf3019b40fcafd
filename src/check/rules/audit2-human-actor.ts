import type { ASTPath } from "jscodeshift";
import type { Node } from "../../audit/ast";
import { propertyKeyName, propertyNamed } from "../../audit/ast";
import { emitFunctionFor } from "../../audit/emit";
import { staticString } from "../../audit/targets";
import { enclosingFunction, findBinding, isFunctionNode } from "../../audit/scope";
import type { CheckRule } from "../types";
import { snippet } from "./site";

const USER_ID_PROPERTY = /UserId$/;

/** True for `{ type: "system", ... }`, or a name bound to one (`const SYSTEM_ACTOR = { type: "system", ... }`). */
function isSystemActor(path: ASTPath, value: Node, seen = new Set<string>()): boolean {
  let node = value;
  while (["TSAsExpression", "TSSatisfiesExpression", "ParenthesizedExpression"].includes(node.type)) node = node.expression as Node;
  if (node.type === "ObjectExpression") {
    const type = propertyNamed(node as never, "type");
    return !!type && staticString(type.value) === "system";
  }
  if (node.type !== "Identifier" || seen.has(node.name as string)) return false;
  const binding = findBinding(path, node.name as string);
  return !!binding?.init && isSystemActor(binding.declarationPath, binding.init, new Set([...seen, node.name as string]));
}

/** `param.someUserId` read in the function body, `param` being one of its parameters. */
function userIdPropertyRead(fn: Node, params: Set<string>): string | null {
  let found: string | null = null;
  const visit = (value: unknown): void => {
    if (found || !value || typeof value !== "object") return;
    if (Array.isArray(value)) return value.forEach(visit);
    const node = value as Node;
    if (typeof node.type !== "string") return;
    if (node.type === "MemberExpression" && !node.computed) {
      const object = node.object as Node;
      const property = node.property as Node;
      if (object.type === "Identifier" && params.has(object.name as string) && property.type === "Identifier" && USER_ID_PROPERTY.test(property.name as string)) {
        found = `${object.name as string}.${property.name as string}`;
        return;
      }
    }
    for (const key of Object.keys(node)) {
      if (key !== "loc" && key !== "comments" && key !== "tokens") visit(node[key]);
    }
  };
  visit(fn.body);
  return found;
}

/** The names a function's parameters bind, and the `...UserId` ones among their destructured properties. */
function parameterNames(fn: Node): { plain: Set<string>; userIds: string[] } {
  const plain = new Set<string>();
  const userIds: string[] = [];
  for (const param of fn.params as Node[]) {
    const target = param.type === "AssignmentPattern" ? (param.left as Node) : param;
    if (target.type === "Identifier") plain.add(target.name as string);
    if (target.type === "ObjectPattern") {
      for (const property of target.properties as Node[]) {
        const key = propertyKeyName(property as never);
        if (key && USER_ID_PROPERTY.test(key)) userIds.push(((property.value as Node).type === "Identifier" ? (property.value as Node).name : key) as string);
      }
    }
  }
  return { plain, userIds };
}

/** The user id visible at an emit in a function: `userId`, `user.sId`, a parameter's `...UserId`; else null. */
function userIdInScope(path: ASTPath): string | null {
  const fnPath = enclosingFunction(path);
  if (!fnPath || !isFunctionNode(fnPath.node as unknown as Node)) return null;
  if (findBinding(path, "userId")) return "userId";
  if (findBinding(path, "user")) return "user.sId";
  const fn = fnPath.node as unknown as Node;
  const { plain, userIds } = parameterNames(fn);
  return userIds[0] ?? userIdPropertyRead(fn, plain);
}

/**
 * AUDIT2, conservatively: a direct emit whose actor is a `system` literal (or a name bound to one), in
 * a function where a user id is visible, probably runs on behalf of the user who configured the
 * automation. Reported as a warning with the rewrite; no fixer (the change needs an Authenticator).
 */
export const audit2HumanActor: CheckRule = {
  id: "AUDIT2",
  name: "human-actor",
  description: "Prefer the real human actor: a direct emit with a system actor where a user id is in scope should emit as that user",
  severity: "warning",
  create(context) {
    return {
      emit({ emit }) {
        if (emit.kind !== "direct" || !emit.event) return;
        const actor = propertyNamed(emit.event, "actor");
        if (!actor || !isSystemActor(emit.path as ASTPath, actor.value as unknown as Node)) return;
        const userId = userIdInScope(emit.path as ASTPath);
        if (!userId) return;
        const workspace = propertyNamed(emit.event, "workspace")?.value;
        const workspaceId = workspace ? `${snippet(context, workspace)}.sId` : "workspaceId";
        context.report({
          node: actor.value as never,
          message:
            `${emit.callee} reports a system actor although the user id \`${userId}\` is in scope; emit as that user: ` +
            `\`void ${emitFunctionFor(context.conventions.module.emitFunctions, "auth")}({ auth: await Authenticator.fromUserIdAndWorkspaceId(${userId}, ${workspaceId}), ... })\``,
        });
      },
    };
  },
};
