import { BAD_IGNORE, type Diagnostic } from "./types";

/** `// auditmod-ignore AUDITn: reason` on its own line: silences that rule's diagnostic on the next line. */
export interface IgnoreComment {
  /** The line the comment is on (1-based); it silences `line + 1`. */
  line: number;
  column: number;
  rule: string;
  reason: string;
}

export interface IgnoreScan {
  ignores: IgnoreComment[];
  /** Malformed comments (no rule id, no reason): each a diagnostic that cannot itself be ignored. */
  problems: Diagnostic[];
}

const IGNORE_RE = /^(\s*)\/\/\s*auditmod-ignore\b(.*)$/;
const BODY_RE = /^\s+(AUDIT\d+)\s*(?::\s*(.*?))?\s*$/;

/** The `auditmod-ignore` comments of a file's text, with the problems of the malformed ones. */
export function scanIgnoreComments(file: string, text: string, knownRules: ReadonlySet<string>): IgnoreScan {
  const ignores: IgnoreComment[] = [];
  const problems: Diagnostic[] = [];
  text.split(/\r?\n/).forEach((lineText, i) => {
    const m = IGNORE_RE.exec(lineText);
    if (!m) return;
    const line = i + 1;
    const column = m[1].length + 1;
    const problem = (message: string) => problems.push({ file, line, column, rule: BAD_IGNORE, severity: "error", message, fixer: null });
    const body = BODY_RE.exec(m[2]);
    if (!body) return problem("auditmod-ignore needs a rule id and a reason: `// auditmod-ignore AUDITn: reason`");
    const [, rule, reason] = body;
    if (!knownRules.has(rule)) return problem(`auditmod-ignore names an unknown rule ${rule}`);
    if (!reason) return problem(`auditmod-ignore ${rule} needs a reason: \`// auditmod-ignore ${rule}: reason\``);
    ignores.push({ line, column, rule, reason });
  });
  return { ignores, problems };
}

/** True when a comment on the line above names the diagnostic's rule. */
export function isSilenced(diagnostic: Diagnostic, ignores: IgnoreComment[]): boolean {
  return ignores.some((c) => c.rule === diagnostic.rule && c.line === diagnostic.line - 1);
}
