import type { ASTPath } from "jscodeshift";
import { describeUndecided, metadataEntries, metadataValueKind, type MetadataEntry } from "../../audit/metadata";
import { fileTypes, type FileTypes } from "../../audit/typecheck";
import type { CheckRule } from "../types";
import { snippet } from "./site";

/**
 * AUDIT5: every metadata value is a string at the call site (the same judgement as `stringify-metadata`):
 * a value that is surely not a string is an error; values the syntax cannot tell are noted once per file
 * (info), unless the audit module declares metadata string-only (then tsc proves them). A schema declaring
 * another type is found by `readSchema`, reported under AUDIT5 by `checkProject`.
 */
export const audit5StringMetadata: CheckRule = {
  id: "AUDIT5",
  name: "string-metadata",
  description: 'Every metadata value is a string at the call site (String(x) for numbers and booleans) and is declared "string" in the schema',
  severity: "error",
  fixer: "stringify-metadata",
  create(context) {
    const undecided: MetadataEntry[] = [];
    const stringOnly = context.conventions.module.metadataStringOnly;
    const { typecheck, root } = context.step.options;
    // `check --typecheck`: built once per file, and only when some value cannot be told by its syntax.
    let checker: FileTypes | null | undefined;
    const checkerAnswer = (entry: MetadataEntry): boolean | null => {
      if (checker === undefined) {
        const result = fileTypes(typeof root === "string" ? root : process.cwd(), context.file, context.source);
        checker = result.ok ? result.types : null;
        // A root without a usable tsconfig.json is said once per run, by `check` itself.
        if (!result.ok && result.scope === "file") context.report({ line: 1, column: 1, severity: "info", fixer: null, message: `--typecheck: ${result.reason}; values the syntax cannot tell are noted as without it` });
      }
      return checker ? checker.isString(entry.value) : null;
    };
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
          const kind = metadataValueKind(emit.path as ASTPath, entry.value);
          if (kind === "string") continue;
          if (kind === "unknown" && !stringOnly && typecheck === true) {
            const answer = checkerAnswer(entry);
            if (answer === true) continue;
            if (answer === false) {
              context.report({
                node: entry.value as never,
                message: `metadata "${entry.key}" is \`${snippet(context, entry.value)}\`, which the TypeScript checker does not type as a string; wrap it in String(...) (\`auditmod run stringify-metadata --typecheck\`)`,
              });
              continue;
            }
          }
          if (kind === "unknown") {
            if (!stringOnly) undecided.push(entry);
            continue;
          }
          context.report({ node: entry.value as never, message: `metadata "${entry.key}" is \`${snippet(context, entry.value)}\`, not a string; wrap it in String(...)` });
        }
      },
      done() {
        if (undecided.length === 0) return;
        context.report({
          node: undecided[0].value as never,
          severity: "info",
          fixer: null,
          message:
            typecheck === true
              ? `${undecided.length} metadata value(s) may not be strings: ${describeUndecided(undecided)}; the TypeScript checker could not answer for them`
              : `${undecided.length} metadata value(s) may not be strings: ${describeUndecided(undecided)}; cannot tell without types: use \`auditmod run stringify-metadata --typecheck\``,
        });
      },
    };
  },
};
