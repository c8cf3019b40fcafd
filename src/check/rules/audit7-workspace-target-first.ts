import type { Node } from "../../audit/ast";
import { targetTypeOutsideUnion, targetTypeProblem } from "../../audit/action-name";
import { readTarget, targetBuilderNames, targetType, WORKSPACE_TARGET_TYPE } from "../../audit/targets";
import type { CheckRule } from "../types";
import { eventProperty } from "./site";

/**
 * AUDIT7: the workspace is the first target, in the emit and in the schema; other targets are typed
 * resources. An emit whose targets are not an array literal, or that holds a target of unknown form
 * (a spread, a helper call) and no visible workspace target, is not judged. Where the audit module
 * declares a target type union, a target type outside it is reported too.
 */
export const audit7WorkspaceTargetFirst: CheckRule = {
  id: "AUDIT7",
  name: "workspace-target-first",
  description: "The workspace is the first target, in the emit and in the schema; other targets are typed resources",
  severity: "error",
  fixer: "workspace-target",
  create(context) {
    // Renamed builder imports (`buildWorkspaceTarget as wsTarget`), looked up once per file and only when an emit is judged.
    const builderNames = () => context.shared("targetBuilderNames", () => targetBuilderNames(context.step));
    return {
      emit(site) {
        const { emit } = site;
        if (!emit.event) return;
        const targets = eventProperty(site, "targets");
        if (!targets) {
          context.report({ node: emit.path.node, message: `${emit.callee} has no targets; the workspace must be the first target` });
          return;
        }
        if (targets.type !== "ArrayExpression") return;
        const elements = (targets.elements as (Node | null)[]).filter((e): e is Node => e !== null);
        const names = builderNames();
        const forms = elements.map((e) => readTarget(e, names).form);
        const at = elements.findIndex((e) => targetType(e, names) === WORKSPACE_TARGET_TYPE);
        if (at > 0) {
          context.report({ node: elements[at] as never, message: `the workspace target is target ${at + 1} of ${elements.length}; it must be the first target` });
        } else if (at === -1 && !forms.some((f) => f === "spread" || f === "other")) {
          context.report({ node: targets as never, message: "targets have no workspace target; the workspace must be the first target" });
        }
        const allowed = context.conventions.module.targetTypes;
        for (const element of elements) {
          const type = targetType(element, names);
          const problem = type === null ? null : (targetTypeProblem(type) ?? targetTypeOutsideUnion(type, allowed));
          if (problem) context.report({ node: element as never, message: problem, fixer: null });
        }
      },
    };
  },
  checkProject({ project, conventions, report }) {
    for (const schema of project.schemas) {
      const content = schema.content;
      if (!content) continue;
      const where = { file: schema.file, line: content.targetsAt.line, column: content.targetsAt.column, fixer: null };
      const listed = content.targets.join(", ") || "none";
      if (content.targets[0] !== WORKSPACE_TARGET_TYPE) {
        const message = content.targets.includes(WORKSPACE_TARGET_TYPE)
          ? `schema targets do not start with "workspace" (${listed}); the workspace must be the first target`
          : `schema targets have no "workspace" (${listed}); the workspace must be the first target`;
        report({ ...where, message });
      }
      for (const type of content.targets) {
        const problem = targetTypeProblem(type) ?? targetTypeOutsideUnion(type, conventions.module.targetTypes);
        if (problem) report({ ...where, message: problem });
      }
    }
  },
};
