import { metadataKeyProblem } from "../../audit/action-name";
import { metadataEntries } from "../../audit/metadata";
import type { CheckRule } from "../types";

/** AUDIT9: metadata keys are lower snake case, in the emit and in the schema (`metadataKeyProblem` decides). */
export const audit9SnakeCaseMetadataKeys: CheckRule = {
  id: "AUDIT9",
  name: "snake-case-metadata-keys",
  description: "Metadata keys are snake case, in emits and in schemas",
  severity: "error",
  create(context) {
    return {
      emit({ emit }) {
        const read = emit.event ? metadataEntries(emit.event) : null;
        if (!read?.ok) return;
        for (const entry of read.entries) {
          const problem = metadataKeyProblem(entry.key);
          if (problem) context.report({ node: entry.property as never, message: problem });
        }
      },
    };
  },
  checkProject({ project, report }) {
    for (const schema of project.schemas) {
      for (const key of schema.content?.metadata ?? []) {
        const problem = metadataKeyProblem(key.value);
        if (problem) report({ file: schema.file, line: key.line, column: key.column, message: problem });
      }
    }
  },
};
