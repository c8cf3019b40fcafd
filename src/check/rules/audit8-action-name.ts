import { actionNameProblem } from "../../audit/action-name";
import { isRegistered } from "../project";
import type { CheckRule } from "../types";
import { actionNode } from "./site";

/**
 * AUDIT8: actions are named `<resource>.<verb>` (`actionNameProblem` decides). A registered action is
 * reported once, at its registry entry; an unregistered one at each emit that uses it.
 */
export const audit8ActionName: CheckRule = {
  id: "AUDIT8",
  name: "action-name",
  description: "Actions are named <resource>.<verb>: singular lower-case resource, past-tense verb, snake case",
  severity: "error",
  create(context) {
    return {
      literalAction(site) {
        if (isRegistered(context.project, site.action) === true) return;
        const problem = actionNameProblem(site.action);
        if (problem) context.report({ node: actionNode(site), message: problem });
      },
    };
  },
  checkProject({ project, report }) {
    for (const entry of project.registry.entries ?? []) {
      const problem = actionNameProblem(entry.action);
      if (problem) report({ file: project.registry.file, line: entry.line, column: entry.column, message: problem });
    }
  },
};
