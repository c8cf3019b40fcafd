import { classifyEmitUsage, findEmitCalls, mayHaveUnvoidedEmit } from "../emit";
import { scriptExemption } from "../scripts";
import type { TransformCore } from "../types";

/** AUDIT1: an awaited emit statement becomes `void emit(...)`; other awaits of an emit are reported. */
export const awaitToVoid: TransformCore = {
  name: "await-to-void",
  description: "`await emitAuditLogEvent(...)` statements become `void ...` (AUDIT1); returned, assigned or Promise.all-ed emits are reported",
  mayMatch: (source, _options, names) => mayHaveUnvoidedEmit(source, names),
  needles: (_options, names) => [...names],
  precisePrefilter: true,
  apply(ctx) {
    const { j } = ctx;
    const exemption = scriptExemption(ctx.file, ctx.source, ctx.conventions);
    let changed = false;
    for (const emit of findEmitCalls(j, ctx.root, ctx.conventions.module.emitFunctions)) {
      const usage = classifyEmitUsage(emit.path);
      const call = emit.path.node;
      const name = emit.callee;
      switch (usage.kind) {
        case "awaited-statement":
          if (exemption) {
            ctx.report(call, `${name} is awaited on purpose: ${exemption} (AUDIT1 exception); left as is`, "info");
          } else {
            usage.awaitPath.replace(j.unaryExpression("void", call));
            changed = true;
          }
          break;
        case "returned":
          ctx.report(call, `${name} is returned, so the caller waits on the audit log (AUDIT1); not rewritten: emit with \`void\` and return separately`);
          break;
        case "assigned":
          ctx.report(call, `${name} result is assigned (AUDIT1); not rewritten: emit with \`void\` as a statement`);
          break;
        case "concurrent":
          ctx.report(call, `${name} is passed to ${usage.via} (AUDIT1); not rewritten: emit with \`void\` outside it`);
          break;
        case "chained":
          ctx.report(call, `${name} is chained with ${usage.via} (AUDIT1); not rewritten`);
          break;
        case "awaited-expression":
          if (!exemption) ctx.report(call, `${name} is awaited inside an expression (AUDIT1); not rewritten`);
          break;
        default:
          break;
      }
    }
    return changed;
  },
};
