import { checkSourceFile } from "../../src/check/check-file";
import { registryFactsFromText, schemaFactsFromText, type ProjectFacts, type SchemaFacts } from "../../src/check/project";
import { compareDiagnostics } from "../../src/check/report";
import { checkProject } from "../../src/check/run-check";
import type { CheckRule, Diagnostic } from "../../src/check/types";
import { DEFAULT_CONVENTIONS, type AuditConventions } from "../../src/audit/types";

/** Strips the indentation common to a template's lines (and its first and last empty lines). */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ""), "");
  const lines = raw.replace(/^\n/, "").replace(/\n[ \t]*$/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
  return `${lines.map((l) => l.slice(indent)).join("\n")}\n`;
}

/** A schema file as the schema folder would hold it (2-space JSON), read as `check` reads it. */
export function schemaFacts(action: string, targets: string[], metadata: Record<string, unknown> = {}): SchemaFacts {
  const text = `${JSON.stringify({ action, targets: targets.map((type) => ({ type })), metadata }, null, 2)}\n`;
  return schemaFactsFromText(`admin/audit_log_schemas/${action}.json`, text).schema;
}

/** A project whose registry holds `registered` and whose schema folder holds `schemas`. */
export function projectWith(registered: string[] | null, schemas: SchemaFacts[] = []): ProjectFacts {
  return {
    registry: { file: "lib/api/audit/workos_audit.ts", text: null, entries: registered === null ? null : registered.map((action, i) => ({ action, line: i + 1, column: 1 })) },
    schemasDir: "admin/audit_log_schemas",
    schemas,
    problems: [],
  };
}

export interface Expected {
  line: number;
  column: number;
  message: string;
  /** Defaults to the rule's severity. */
  severity?: Diagnostic["severity"];
  /** Defaults to the rule's fixer (or null). */
  fixer?: string | null;
  /** Defaults to the rule's id. */
  rule?: Diagnostic["rule"];
  /** Defaults to the case's file. */
  file?: string;
}

export interface TestCase {
  name: string;
  code: string;
  /** Root-relative path the code is checked as (default `pages/api/w/[wId]/handler.ts`). */
  file?: string;
  project?: ProjectFacts;
  /** Defaults to DEFAULT_CONVENTIONS (what a run uses when the audit module says nothing). */
  conventions?: AuditConventions;
}

export interface InvalidCase extends TestCase {
  errors: Expected[];
}

const DEFAULT_FILE = "pages/api/w/[wId]/handler.ts";

/** The rule's diagnostics for one case, as `checkSourceFile` gives them in a run. */
export function diagnose(rule: CheckRule, c: TestCase, fallback: ProjectFacts): Diagnostic[] {
  const file = c.file ?? DEFAULT_FILE;
  return checkSourceFile({ file, text: c.code, conventions: c.conventions ?? DEFAULT_CONVENTIONS, project: c.project ?? fallback }, [rule]);
}

export function expected(rule: CheckRule, file: string, e: Expected): Diagnostic {
  return {
    file: e.file ?? file,
    line: e.line,
    column: e.column,
    rule: e.rule ?? rule.id,
    severity: e.severity ?? rule.severity,
    message: e.message,
    fixer: e.fixer === undefined ? (rule.fixer ?? null) : e.fixer,
  };
}

/**
 * typescript-eslint's RuleTester, for check rules: each valid case yields no diagnostic, each invalid
 * case exactly the listed diagnostics (rule, position, severity, message, fixer), in order.
 */
export function runRuleTests(rule: CheckRule, tests: { project?: ProjectFacts; valid: TestCase[]; invalid: InvalidCase[] }): void {
  const fallback = tests.project ?? projectWith([]);
  describe(`${rule.id} ${rule.name}`, () => {
    describe("valid", () => {
      it.each(tests.valid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(diagnose(rule, c, fallback)).toEqual([]);
      });
    });
    describe("invalid", () => {
      it.each(tests.invalid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        const file = c.file ?? DEFAULT_FILE;
        expect(diagnose(rule, c, fallback)).toEqual(c.errors.map((e) => expected(rule, file, e)));
      });
    });
  });
}

/** A project read from texts as `check` reads files: the registry's text and each schema file's text. */
export function projectFromTexts(registryText: string, schemaTexts: Record<string, string> = {}): ProjectFacts {
  const { registry, problems } = registryFactsFromText("lib/api/audit/workos_audit.ts", registryText);
  const read = Object.entries(schemaTexts).map(([name, text]) => schemaFactsFromText(`admin/audit_log_schemas/${name}`, text));
  return { registry, schemasDir: "admin/audit_log_schemas", schemas: read.map((r) => r.schema), problems: [...problems, ...read.flatMap((r) => r.problems)] };
}

/** The rule's project-level diagnostics (registry and schema files), in the order a run prints them. */
export function diagnoseProject(rule: CheckRule, project: ProjectFacts, conventions: AuditConventions = DEFAULT_CONVENTIONS): Diagnostic[] {
  return checkProject(project, [rule], conventions).sort(compareDiagnostics);
}

/** DEFAULT_CONVENTIONS with some audit-module facts, as `auditmod conventions` would learn them. */
export function conventionsWith(module: Partial<AuditConventions["module"]>): AuditConventions {
  return { ...DEFAULT_CONVENTIONS, module: { ...DEFAULT_CONVENTIONS.module, ...module } };
}
