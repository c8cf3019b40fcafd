import { classifyEmitUsage } from "../../audit/emit";
import { scriptExemption } from "../../audit/scripts";
import type { CheckRule } from "../types";

/**
 * AUDIT1: an emit is fire and forget (`void emit(...)`), never awaited, returned, assigned or chained.
 * Scripts that exit when their main function returns await on purpose (the same exemption as `await-to-void`).
 */
export const audit1NoAwaitedEmit: CheckRule = {
  id: "AUDIT1",
  name: "no-awaited-emit",
  description: "Emit audit events with `void`: never await, return, assign or chain an emit (scripts that exit are exempt)",
  severity: "error",
  fixer: "await-to-void",
  create(context) {
    const exemption = scriptExemption(context.file, context.source, context.conventions);
    return {
      emit({ emit }) {
        const usage = classifyEmitUsage(emit.path);
        const name = emit.callee;
        const node = emit.path.node;
        switch (usage.kind) {
          case "awaited-statement":
            if (!exemption) context.report({ node, message: `${name} is awaited; emit with \`void\` so the request does not wait on the audit log` });
            break;
          case "awaited-expression":
            if (!exemption) context.report({ node, message: `${name} is awaited inside an expression; emit with \`void\` as a statement`, fixer: null });
            break;
          case "returned":
            context.report({ node, message: `${name} is returned, so the caller waits on the audit log; emit with \`void\` and return separately`, fixer: null });
            break;
          case "assigned":
            context.report({ node, message: `${name} result is assigned; emit with \`void\` as a statement`, fixer: null });
            break;
          case "concurrent":
            context.report({ node, message: `${name} is passed to ${usage.via}; emit with \`void\` outside it`, fixer: null });
            break;
          case "chained":
            context.report({ node, message: `${name} is chained with ${usage.via}; emit with \`void\` as a statement`, fixer: null });
            break;
          default:
            break;
        }
      },
    };
  },
};
