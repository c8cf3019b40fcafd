import { isRegistered, schemaFor, schemaPath } from "../project";
import type { CheckRule } from "../types";
import { actionNode } from "./site";

const at = (p: { line: number; column: number }) => ({ line: p.line, column: p.column });

/**
 * AUDIT3: every action has three artifacts, a registry entry, a schema file and an emit. Reported: an
 * emitted action that is not registered, a registered action without a schema, a schema whose action is
 * not registered, a schema file named after another action. A registry or schema file that cannot be
 * read is reported as AUDIT3 too (see `checkProject`).
 */
export const audit3RegisteredAction: CheckRule = {
  id: "AUDIT3",
  name: "registered-action",
  description: "Every action has a registry entry and a schema file, and every schema a registered action",
  severity: "error",
  create(context) {
    const { project } = context;
    return {
      literalAction(site) {
        if (isRegistered(project, site.action) !== false) return;
        const noSchema = schemaFor(project, site.action) ? "" : ` and has no schema ${schemaPath(project, site.action)}`;
        context.report({
          node: actionNode(site),
          message: `action "${site.action}" is not registered in ${project.registry.file}${noSchema}; add it with \`auditmod add-event ${site.action}\``,
        });
      },
    };
  },
  checkProject({ project, report }) {
    const entries = project.registry.entries;
    if (entries === null) return;
    for (const entry of entries) {
      if (schemaFor(project, entry.action)) continue;
      report({ file: project.registry.file, line: entry.line, column: entry.column, message: `action "${entry.action}" is registered but has no schema ${schemaPath(project, entry.action)}` });
    }
    for (const schema of project.schemas) {
      const declared = schema.content?.declared ?? { value: schema.action, line: 1, column: 1 };
      if (declared.value !== schema.action) {
        report({ ...at(declared), file: schema.file, message: `schema ${schema.file} declares action "${declared.value}"; the schema of "${declared.value}" is ${schemaPath(project, declared.value)}` });
        continue;
      }
      if (entries.some((e) => e.action === schema.action)) continue;
      report({ ...at(declared), file: schema.file, message: `schema of "${schema.action}" has no registered action in ${project.registry.file}` });
    }
  },
};
