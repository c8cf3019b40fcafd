import type { ExpressionKind } from "ast-types/lib/gen/kinds";
import { findEmitCalls, mayContainEmit, EMIT_NEEDLES } from "../emit";
import { isProvablyString, metadataEntries, stringifyValue } from "../metadata";
import { fileTypes, type FileTypes } from "../typecheck";
import type { StepContext, TransformCore } from "../types";

/** The checker for this file when `--typecheck` is on and usable; reports once why not, and falls back to syntax. */
function checkerFor(ctx: StepContext): FileTypes | null {
  const root = typeof ctx.options.root === "string" ? ctx.options.root : process.cwd();
  const result = fileTypes(root, ctx.file, ctx.source);
  if (result.ok) return result.types;
  ctx.report(null, `--typecheck: ${result.reason}; used the syntactic rule instead`, "info");
  return null;
}

/** AUDIT5: every metadata value that is not provably a string is wrapped in `String(...)`. */
export const stringifyMetadata: TransformCore = {
  name: "stringify-metadata",
  description: "wraps every emit metadata value that is not provably a string in `String(...)` (AUDIT5); --typecheck asks the TypeScript checker",
  mayMatch: (source) => mayContainEmit(source) && source.includes("metadata"),
  needles: () => EMIT_NEEDLES,
  apply(ctx) {
    const { j } = ctx;
    let checker: FileTypes | null | undefined;
    let changed = false;
    for (const emit of findEmitCalls(j, ctx.root)) {
      if (!emit.event) {
        ctx.report(emit.path.node, `${emit.callee} is not called with an object literal, so its metadata cannot be checked (AUDIT5); left alone`);
        continue;
      }
      const read = metadataEntries(emit.event);
      if (!read) continue;
      if (!read.ok) {
        ctx.report(read.node as never, `${read.reason}, so its values cannot be checked (AUDIT5); left alone`);
        continue;
      }
      for (const entry of read.entries) {
        if (isProvablyString(emit.path, entry.value)) continue;
        if (ctx.options.typecheck === true) {
          // Built once per file, and only when some value is not provably a string by its syntax.
          if (checker === undefined) checker = checkerFor(ctx);
          // null: the value has no position in the file the checker read (an earlier step of this
          // run built it or parsed it from other text), so the syntactic rule above has decided.
          if (checker && checker.isString(entry.value) === true) continue;
        }
        const property = entry.property as unknown as { shorthand?: boolean; value: ExpressionKind };
        property.shorthand = false;
        property.value = stringifyValue(j, entry.value as unknown as ExpressionKind);
        changed = true;
      }
    }
    return changed;
  },
};
