import type { ASTPath } from "jscodeshift";
import { isProvablyString, metadataEntries } from "../../audit/metadata";
import type { CheckRule } from "../types";
import { snippet } from "./site";

/**
 * AUDIT5: every metadata value is a string at the call site (the same judgement as `stringify-metadata`,
 * syntactic). A schema declaring another type is found by `readSchema`, reported under AUDIT5 by `checkProject`.
 */
export const audit5StringMetadata: CheckRule = {
  id: "AUDIT5",
  name: "string-metadata",
  description: 'Every metadata value is a string at the call site (String(x) for numbers and booleans) and is declared "string" in the schema',
  severity: "error",
  fixer: "stringify-metadata",
  create(context) {
    return {
      emit({ emit }) {
        if (!emit.event) return;
        const read = metadataEntries(emit.event);
        if (read === null) return;
        if (!read.ok) {
          context.report({ node: read.node as never, message: `${read.reason}: cannot check statically that its values are strings`, severity: "info", fixer: null });
          return;
        }
        for (const entry of read.entries) {
          if (isProvablyString(emit.path as ASTPath, entry.value)) continue;
          context.report({ node: entry.value as never, message: `metadata "${entry.key}" is \`${snippet(context, entry.value)}\`, not provably a string; wrap it in String(...)` });
        }
      },
    };
  },
};
