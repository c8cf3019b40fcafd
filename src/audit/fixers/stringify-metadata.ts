import type { ExpressionKind } from "ast-types/lib/gen/kinds";
import type { Node } from "../ast";
import { findEmitCalls, mayContainEmit } from "../emit";
import { describeUndecided, metadataEntries, metadataValueKind, stringifyValue, type MetadataEntry } from "../metadata";
import { fileTypes, type FileTypes } from "../typecheck";
import type { StepContext, TransformCore } from "../types";

/** The checker for this file when `--typecheck` is on and usable; reports once why not. */
function checkerFor(ctx: StepContext): FileTypes | null {
  const root = typeof ctx.options.root === "string" ? ctx.options.root : process.cwd();
  const result = fileTypes(root, ctx.file, ctx.source);
  if (result.ok) return result.types;
  ctx.report(null, `--typecheck: ${result.reason}; values the syntax cannot tell were left as written`, "info");
  return null;
}

/**
 * AUDIT5 on evidence: values that are surely not strings are wrapped in `String(...)`; values the
 * syntax cannot tell are left as written and noted once per file, unless `--typecheck` decides them
 * or `--wrap-unknown` (the old rule: wrap whatever is not provably a string) is given.
 */
export const stringifyMetadata: TransformCore = {
  name: "stringify-metadata",
  description:
    "wraps in `String(...)` emit metadata values that are surely not strings (AUDIT5); values the syntax cannot tell are reported (--typecheck asks the TypeScript checker, --wrap-unknown wraps them)",
  mayMatch: (source, _options, names) => mayContainEmit(source, names) && source.includes("metadata"),
  needsConventions: true,
  needles: (_options, names) => [...names],
  apply(ctx) {
    const { j } = ctx;
    const typecheck = ctx.options.typecheck === true;
    const wrapUnknown = ctx.options.wrapUnknown === true;
    // A module that declares metadata string-only has tsc prove every value a string already.
    const stringOnly = ctx.conventions.module.metadataStringOnly;
    let checker: FileTypes | null | undefined;
    const undecided: MetadataEntry[] = [];
    let changed = false;
    for (const emit of findEmitCalls(j, ctx.root, ctx.conventions.module.emitFunctions)) {
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
        let kind = metadataValueKind(emit.path, entry.value);
        if (kind === "unknown" && stringOnly) kind = "string";
        if (kind === "unknown" && typecheck) {
          // Built once per file, and only when some value cannot be told by its syntax.
          if (checker === undefined) checker = checkerFor(ctx);
          // null: the value has no position in the file the checker read (an earlier step built it).
          const answer = checker ? checker.isString(entry.value) : null;
          if (answer !== null) kind = answer ? "string" : "not-string";
        }
        if (kind === "string") continue;
        if (kind === "unknown" && !wrapUnknown) {
          undecided.push(entry);
          continue;
        }
        const property = entry.property as unknown as { shorthand?: boolean; value: ExpressionKind };
        property.shorthand = false;
        property.value = stringifyValue(j, entry.value as unknown as ExpressionKind);
        changed = true;
      }
    }
    if (undecided.length > 0) {
      const how = typecheck ? "the TypeScript checker could not answer for them" : "use --typecheck to decide them with the TypeScript checker";
      ctx.report(
        undecided[0].value as unknown as Node as never,
        `${undecided.length} metadata value(s) may not be strings: ${describeUndecided(undecided)}; left as written (AUDIT5): ${how}, or --wrap-unknown to wrap them`,
        "info",
      );
    }
    return changed;
  },
};
