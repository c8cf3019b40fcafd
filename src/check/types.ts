import type { ASTNode, Collection, JSCodeshift } from "jscodeshift";
import type { EmitCall } from "../audit/emit";
import type { AuditConventions, Severity, StepContext } from "../audit/types";
import type { ProjectFacts } from "./project";

/** The id `auditmod check` prints for a rule (docs/rules.md). */
export type RuleId = `AUDIT${number}`;

/**
 * Diagnostics that belong to no audit rule: a file that does not parse, an `auditmod-ignore`
 * comment that is malformed. They are always on and cannot be ignored.
 */
export const PARSE_ERROR = "parse-error";
export const BAD_IGNORE = "auditmod-ignore";
export type FrameworkId = typeof PARSE_ERROR | typeof BAD_IGNORE;

/** One breach of a rule: plain data, what every formatter prints. */
export interface Diagnostic {
  /** Root-relative, forward slashes. */
  file: string;
  line: number;
  column: number;
  rule: RuleId | FrameworkId;
  severity: Severity;
  message: string;
  /** The transform that repairs this diagnostic (`auditmod run <fixer>`), or null when none can. */
  fixer: string | null;
}

/** An emit as the rules see it: the recognised call and its action when that is a literal. */
export interface EmitSite {
  emit: EmitCall;
  /** The literal action, or null when it is computed (reported once as "cannot check statically"). */
  action: string | null;
}

/** Where a rule's diagnostic points: a node, or an explicit position. */
export type ReportLocation = { node: ASTNode | null | undefined } | { line: number; column: number };

export type Report = ReportLocation & {
  message: string;
  /** Overrides the rule's fixer: null when this particular case is beyond the fixer. */
  fixer?: string | null;
  /** Overrides the rule's severity. */
  severity?: Severity;
};

/** What a rule gets for one source file (typescript-eslint's `RuleContext`). */
export interface FileRuleContext {
  file: string;
  source: string;
  j: JSCodeshift;
  root: Collection;
  conventions: AuditConventions;
  project: ProjectFacts;
  /** The same file as a transform step sees it, for the shared recognisers that take one (`targetBuilderNames`). */
  step: StepContext;
  /** A per-file fact computed once for every rule that asks (each shared recogniser call may walk the whole file). */
  shared<T>(key: string, compute: () => T): T;
  report(report: Report): void;
}

/** An emit whose action is a literal. */
export type LiteralActionSite = EmitSite & { action: string };

/** The nodes a rule listens to in a file; each called in source order. */
export interface FileListener {
  /** Every emit of the file. */
  emit?(site: EmitSite): void;
  /**
   * Emits whose action is a literal. An emit with a computed action is reported once, as info,
   * "cannot check statically", on behalf of every rule listening here.
   */
  literalAction?(site: LiteralActionSite): void;
  /** After the file's last emit (typescript-eslint's `Program:exit`): for once-per-file reports. */
  done?(): void;
}

/** What a project-level rule gets: the registry and schema files, read once per run. */
export interface ProjectRuleContext {
  project: ProjectFacts;
  conventions: AuditConventions;
  report(report: { file: string; line: number; column: number; message: string; fixer?: string | null; severity?: Severity }): void;
}

/** An audit rule (docs/rules.md) in the shape of a typescript-eslint rule: metadata and a `create` returning listeners. */
export interface CheckRule {
  id: RuleId;
  /** Kebab-case name, as in the rule's file name (`no-awaited-emit`). */
  name: string;
  description: string;
  severity: Severity;
  /** The transform that repairs the rule's diagnostics (`auditmod run <fixer>`), when one exists. */
  fixer?: string;
  /** Per source file: listeners over the file's emits. */
  create?(context: FileRuleContext): FileListener;
  /** Once per run: the registry and the schema files. */
  checkProject?(context: ProjectRuleContext): void;
}
