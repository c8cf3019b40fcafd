import { emitAction, findEmitCalls } from "../audit/emit";
import { positionOf } from "../audit/location";
import type { AuditConventions, StepContext } from "../audit/types";
import { describeSyntaxError, parseForProbe, parserFor } from "../engine/parse";
import type { ProjectFacts } from "./project";
import { PARSE_ERROR, type CheckRule, type Diagnostic, type FileListener, type LiteralActionSite, type Report } from "./types";

export interface SourceFileInput {
  /** Root-relative, forward slashes. */
  file: string;
  text: string;
  conventions: AuditConventions;
  project: ProjectFacts;
  /** Options the shared recognisers read, as a run's steps get them (`typecheck` and the `root` it needs). */
  options?: Record<string, unknown>;
}

/** `AUDIT8: action ...` → `action ...`: the shared recognisers name their rule, the rule column already does. */
export function withoutRulePrefix(message: string): string {
  return message.replace(/^AUDIT\d+:\s*/, "");
}

/** The rules' diagnostics for one source file (unsuppressed, in source order); a parse failure is one diagnostic. */
export function checkSourceFile(input: SourceFileInput, rules: readonly CheckRule[]): Diagnostic[] {
  const { file, text } = input;
  let parsed: ReturnType<typeof parseForProbe>;
  try {
    parsed = parseForProbe(text, parserFor(file));
  } catch (error) {
    const e = describeSyntaxError(error);
    return [{ file, line: e.line, column: e.column, rule: PARSE_ERROR, severity: "error", message: `cannot parse: ${e.message}`, fixer: null }];
  }
  const diagnostics: Diagnostic[] = [];
  // Check only reads: recognisers that take a step context never report through it.
  const step: StepContext = { j: parsed.j, root: parsed.root, file, source: text, conventions: input.conventions, options: input.options ?? {}, report: () => undefined };
  const facts = new Map<string, unknown>();
  const shared = <T>(key: string, compute: () => T): T => {
    if (!facts.has(key)) facts.set(key, compute());
    return facts.get(key) as T;
  };
  const listeners: { rule: CheckRule; listener: FileListener }[] = [];
  for (const rule of rules) {
    if (!rule.create) continue;
    const report = (r: Report) => {
      const position = "node" in r ? positionOf(r.node) : { line: r.line, column: r.column };
      diagnostics.push({
        file,
        ...position,
        rule: rule.id,
        severity: r.severity ?? rule.severity,
        message: withoutRulePrefix(r.message),
        fixer: r.fixer === undefined ? (rule.fixer ?? null) : r.fixer,
      });
    };
    listeners.push({ rule, listener: rule.create({ file, source: text, j: parsed.j, root: parsed.root, conventions: input.conventions, project: input.project, step, shared, report }) });
  }
  const needAction = listeners.filter((l) => l.listener.literalAction);
  for (const emit of findEmitCalls(parsed.j, parsed.root, input.conventions.module.emitFunctions)) {
    const action = emitAction(emit.event);
    for (const { listener } of listeners) listener.emit?.({ emit, action });
    if (action !== null) {
      for (const { listener } of needAction) listener.literalAction!({ emit, action } as LiteralActionSite);
    } else if (needAction.length > 0) {
      const what = emit.event ? "the action is not a string literal" : "the event is not an object literal";
      diagnostics.push({
        file,
        ...positionOf(emit.path.node),
        rule: needAction[0].rule.id,
        severity: "info",
        message: `${what}: cannot check statically (${needAction.map((l) => l.rule.id).join(", ")})`,
        fixer: null,
      });
    }
  }
  for (const { listener } of listeners) listener.done?.();
  return diagnostics;
}
