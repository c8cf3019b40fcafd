import { actionNameProblem } from "../../audit/action-name";
import type { Node } from "../../audit/ast";
import { metadataEntries } from "../../audit/metadata";
import { targetBuilderNames, targetType, WORKSPACE_TARGET_TYPE } from "../../audit/targets";
import { isRegistered, schemaFor, schemaPath } from "../project";
import type { CheckRule, FileRuleContext, LiteralActionSite } from "../types";
import { actionNode, eventProperty } from "./site";

const at = (p: { line: number; column: number }) => ({ line: p.line, column: p.column });

/**
 * The `auditmod add-event` line that registers the emit's action as the emit uses it: its target types
 * (the workspace is always added) and metadata keys, where they are static.
 */
function addEventCommand(context: FileRuleContext, site: LiteralActionSite): string {
  const names = context.shared("targetBuilderNames", () => targetBuilderNames(context.step));
  const targets = eventProperty(site, "targets");
  const elements = targets?.type === "ArrayExpression" ? (targets.elements as (Node | null)[]) : [];
  const types = [...new Set(elements.map((e) => (e ? targetType(e, names) : null)))].filter((t): t is string => t !== null && t !== WORKSPACE_TARGET_TYPE);
  const metadata = site.emit.event ? metadataEntries(site.emit.event) : null;
  const keys = metadata?.ok ? metadata.entries.map((e) => e.key) : [];
  return ["auditmod add-event", site.action, ...types.map((t) => `--target ${t}`), ...keys.map((k) => `--meta ${k}`)].join(" ");
}

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
        // A badly named action is renamed first (AUDIT8), not registered under its bad name.
        const hint = actionNameProblem(site.action) ? "" : `; add it with \`${addEventCommand(context, site)}\``;
        context.report({ node: actionNode(site), message: `action "${site.action}" is not registered in ${project.registry.file}${noSchema}${hint}` });
      },
    };
  },
  checkProject({ project, report }) {
    const entries = project.registry.entries;
    if (entries === null) return;
    for (const entry of entries) {
      if (schemaFor(project, entry.action)) continue;
      report({
        file: project.registry.file,
        line: entry.line,
        column: entry.column,
        message: `action "${entry.action}" is registered but has no schema ${schemaPath(project, entry.action)}; write it with \`auditmod add-event ${entry.action} --target <type> --meta <key>\``,
      });
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
