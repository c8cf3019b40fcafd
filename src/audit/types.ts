import type { ASTNode, Collection, JSCodeshift } from "jscodeshift";

export type Severity = "error" | "warning" | "info";

/** Something a step noticed about a file: a site it skipped, an exemption, a problem it cannot fix. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  step: string;
  severity: Severity;
  message: string;
}

/** Repo conventions a step needs; plain data so it can cross to worker threads. */
export interface AuditConventions {
  /** Module specifier the code base imports the audit helpers from. */
  auditModuleSpecifier: string;
  /** Folders whose scripts await emits on purpose (AUDIT1 exception). */
  scriptDirs: string[];
  /** How targets are written: `builder` uses buildAuditLogTarget, `literal` uses `{ type, id, name }`. */
  targetStyle: "builder" | "literal";
  /** Quote style used for strings that a step prints anew. */
  quote: "double" | "single";
}

export const DEFAULT_CONVENTIONS: AuditConventions = {
  auditModuleSpecifier: "@app/lib/api/audit/workos_audit",
  scriptDirs: ["migrations", "scripts"],
  targetStyle: "literal",
  quote: "double",
};

/** What every step gets for one file. */
export interface StepContext {
  j: JSCodeshift;
  root: Collection;
  /** Path relative to the run's root, with forward slashes. */
  file: string;
  source: string;
  conventions: AuditConventions;
  options: Record<string, unknown>;
  report(node: ASTNode | null | undefined, message: string, severity?: Severity): void;
}

/** A transform core: a cheap text test and an AST edit, shared by the engine and the jscodeshift wrapper. */
export interface TransformCore {
  name: string;
  description: string;
  /** True when the file's text could hold something this step changes or reports. Must never miss a match. */
  mayMatch(source: string, options: Record<string, unknown>): boolean;
  /**
   * Substrings one of which a file must hold for `mayMatch` to be true: the engine tests them on the
   * raw bytes and decodes only files that hold one. Absent or null: every file is decoded and asked.
   */
  needles?(options: Record<string, unknown>): string[] | null;
  /** True when a file that passes `mayMatch` almost always changes, so the engine skips its probe parse. */
  precisePrefilter?: boolean;
  /** Edits `ctx.root` in place; returns true when it changed anything. */
  apply(ctx: StepContext): boolean;
}
