import type { ASTPath } from "jscodeshift";
import type { Node } from "../../audit/ast";
import { calleeName } from "../../audit/mutation";
import { findNextRequestInScope } from "../../audit/scope";
import type { CheckRule } from "../types";
import { eventProperty } from "./site";

/** True when `node` is or contains the identifier `name` (`req`, `req as NextApiRequest`). */
function mentions(node: Node, name: string): boolean {
  if (node.type === "Identifier") return node.name === name;
  return ["TSAsExpression", "TSNonNullExpression", "ParenthesizedExpression", "TSSatisfiesExpression"].includes(node.type) && mentions(node.expression as Node, name);
}

/**
 * AUDIT6: `emitAuditLogEvent` in a Next.js handler (`req` in scope) passes `context: getAuditLogContext(auth, req)`.
 * A context that is neither missing nor a `getAuditLogContext(...)` call (a variable, a literal) is not judged.
 */
export const audit6RequestContext: CheckRule = {
  id: "AUDIT6",
  name: "request-context",
  description: "context: getAuditLogContext(auth, req) whenever a Next.js request is in scope",
  severity: "error",
  fixer: "audit-context",
  create(context) {
    return {
      emit(site) {
        const { emit } = site;
        if (emit.kind !== "auth" || !emit.event) return;
        const req = findNextRequestInScope(emit.path as ASTPath);
        if (!req) return;
        const value = eventProperty(site, "context");
        if (!value) {
          context.report({ node: emit.path.node, message: `${emit.callee} has no context while the Next.js request \`${req}\` is in scope; pass \`context: getAuditLogContext(auth, ${req})\`` });
          return;
        }
        if (value.type !== "CallExpression" || calleeName(value) !== "getAuditLogContext") return;
        if ((value.arguments as Node[]).some((arg) => mentions(arg, req))) return;
        context.report({ node: value as never, message: `getAuditLogContext omits the Next.js request \`${req}\` that is in scope; pass \`getAuditLogContext(auth, ${req})\`` });
      },
    };
  },
};
