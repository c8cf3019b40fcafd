import type { ASTPath, CallExpression } from "jscodeshift";
import type { Node } from "../../audit/ast";
import { positionOf } from "../../audit/location";
import { calleeName, dottedName, findMutationStatement, isSkip } from "../../audit/mutation";
import type { CheckRule } from "../types";

/*
 * AUDIT4 (what can be seen statically), deliberately conservative: it speaks only when
 *   - the emit is a statement of a block, with a literal action that is not a failure event;
 *   - a LATER statement of the same block awaits a call whose function name holds the base form of
 *     the action's verb as a word, and whose dotted callee holds every word of the resource
 *     (`space.deleted` → `await space.delete(auth)`, `await softDeleteSpaceAndLaunchScrubWorkflow(...)`;
 *     `group.member_added` → `await group.addMembers(...)`; `api_key.revoked` → `ApiKeyResource.revoke(...)`);
 *   - that call is a statement of its own, as `instrument` finds a mutation (`await x()`, `const r = await x()`).
 * Anything else (irregular verbs, mutations in other blocks or branches, callbacks, unawaited calls)
 * it leaves alone: when unsure, it says nothing.
 */

const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression", "ObjectMethod", "ClassMethod", "ClassPrivateMethod"]);
const STATEMENT_LISTS = new Set(["BlockStatement", "Program", "SwitchCase", "StaticBlock", "TSModuleBlock"]);

/** Base forms a past-tense verb may come from: `deleted` → delete, `added` → add, `stopped` → stop, `copied` → copy. */
export function verbBaseForms(action: string): string[] {
  const verb = action.slice(action.indexOf(".") + 1).split("_").pop() ?? "";
  if (!verb.endsWith("ed") || verb.length < 4) return [];
  const stem = verb.slice(0, -2);
  const forms = [stem, `${stem}e`];
  if (stem.endsWith("i")) forms.push(`${stem.slice(0, -1)}y`);
  if (stem.length > 3 && stem[stem.length - 1] === stem[stem.length - 2]) forms.push(stem.slice(0, -1));
  return forms;
}

/** A failure event (`user.login_failed`) is emitted on the failure path, before or instead of any success. */
function isFailureEvent(action: string): boolean {
  return /(^|[._])failed$/.test(action);
}

/** The words of a name: `softDeleteSpace` → soft, delete, space; `ApiKeyResource.revoke` → api, key, resource, revoke. */
function words(name: string): string[] {
  return name
    .split(/[._]|(?=[A-Z])/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** The statement holding the emit when that statement sits directly in a block, else null. */
function blockStatementOf(path: ASTPath): { list: Node[]; index: number } | null {
  let current: ASTPath = path;
  while (current.parent) {
    const parent = current.parent as ASTPath;
    const parentNode = parent.node as unknown as Node;
    if (FUNCTION_TYPES.has((current.node as unknown as Node).type)) return null;
    if (STATEMENT_LISTS.has(parentNode.type)) {
      const list = (parentNode.type === "SwitchCase" ? parentNode.consequent : parentNode.body) as Node[];
      const index = list.indexOf(current.node as unknown as Node);
      return index >= 0 ? { list, index } : null;
    }
    current = parent;
  }
  return null;
}

export const audit4EmitAfterMutation: CheckRule = {
  id: "AUDIT4",
  name: "emit-after-mutation",
  description: "Emit after the mutation succeeds (conservative: reports an emit placed before an awaited call its action's verb names)",
  severity: "warning",
  create(context) {
    /** An awaited call in `statement`, a statement of its own (as `instrument` sees a mutation), whose name holds one of `forms`. */
    const mutationIn = (statement: Node, forms: string[], resource: string[]): CallExpression | null => {
      const { j } = context;
      let found: CallExpression | null = null;
      j(statement as never)
        .find(j.CallExpression)
        .forEach((callPath) => {
          if (found || (callPath.parent?.node as Node | undefined)?.type !== "AwaitExpression") return;
          const call = callPath.node as unknown as Node;
          if (!words(calleeName(call) ?? "").some((w) => forms.includes(w))) return;
          const calleeWords = words(dottedName(call.callee as Node) ?? "");
          if (!resource.every((r) => calleeWords.includes(r) || calleeWords.includes(`${r}s`))) return;
          const held = findMutationStatement(callPath as ASTPath);
          if (!isSkip(held) && (held.statement.node as unknown as Node) === statement) found = callPath.node;
        });
      return found;
    };
    return {
      literalAction({ emit, action }) {
        if (isFailureEvent(action)) return;
        const forms = verbBaseForms(action);
        if (forms.length === 0) return;
        const holder = blockStatementOf(emit.path as ASTPath);
        if (!holder) return;
        for (const statement of holder.list.slice(holder.index + 1)) {
          const mutation = mutationIn(statement, forms, action.slice(0, action.indexOf(".")).split("_"));
          if (!mutation) continue;
          const callee = dottedName((mutation as unknown as Node).callee as Node);
          context.report({
            node: emit.path.node,
            message: `"${action}" is emitted before \`${callee}(...)\` (line ${positionOf(mutation).line}), the mutation its verb names; emit after the mutation succeeds`,
          });
          return;
        }
      },
    };
  },
};
