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

/** An emit function of the audit module: its name, whether it takes an `auth` or a `workspace` and `actor`, and its event's properties. */
export interface EmitFunctionFact {
  name: string;
  kind: "auth" | "direct";
  params: string[];
}

/** What the repo's audit module says about its own conventions (learned from it, or overridden by the config). */
export interface AuditModuleFacts {
  emitFunctions: EmitFunctionFact[];
  /** Metadata keys the module adds itself beside `...metadata` (`actor_type`): declared in schemas, never sent by an emit. */
  moduleMetadataKeys: string[];
  /** The target types the module allows (a union such as `AuditTargetType`), or null when it names none. */
  targetTypes: string[] | null;
  /** The target builders it exports (`buildWorkspaceTarget`, `buildAuditLogTarget`, ...). */
  targetBuilders: string[];
  /** True when its metadata type admits only strings (then tsc already proves every value a string). */
  metadataStringOnly: boolean;
}

/** The module facts when no audit module could be read: the two standard emit functions, nothing else. */
export const DEFAULT_MODULE_FACTS: AuditModuleFacts = {
  emitFunctions: [
    { name: "emitAuditLogEvent", kind: "auth", params: ["auth", "action", "targets", "context", "metadata"] },
    { name: "emitAuditLogEventDirect", kind: "direct", params: ["workspace", "actor", "action", "targets", "context", "metadata"] },
  ],
  moduleMetadataKeys: [],
  targetTypes: null,
  targetBuilders: ["buildWorkspaceTarget", "buildAuditLogTarget"],
  metadataStringOnly: false,
};

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
  /** Functions that never return (`fail`, `Errors.unreachable`), beyond `assertNever`, `assertUnreachable` and `process.exit`: a guard ending in one leaves. */
  neverReturns: string[];
  /** What the audit module says (DEFAULT_MODULE_FACTS until a run that needs them has read it). */
  module: AuditModuleFacts;
}

export const DEFAULT_CONVENTIONS: AuditConventions = {
  auditModuleSpecifier: "@app/lib/api/audit/workos_audit",
  scriptDirs: ["migrations", "scripts"],
  targetStyle: "literal",
  quote: "double",
  neverReturns: [],
  module: DEFAULT_MODULE_FACTS,
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
  /** Told once per emit a step inserts, so a run registers only actions that were emitted. */
  emitInserted?(): void;
  /**
   * Given when the step runs on a plain babel tree (the splice printer's), which does not know the file's
   * text as recast does: for a node holding code from the file, the text recast would print for it, or
   * null when only recast can tell (the file is then printed by recast); undefined for a node that holds none.
   */
  fileText?(node: unknown): string | null | undefined;
}

/** A transform core: a cheap text test and an AST edit, shared by the engine and the jscodeshift wrapper. */
export interface TransformCore {
  name: string;
  description: string;
  /**
   * True when the file's text could hold something this step changes or reports. Must never miss a match.
   * `emitNames`: the names an emit of this run may be called by (the audit module's emit functions, or a superset).
   */
  mayMatch(source: string, options: Record<string, unknown>, emitNames: readonly string[]): boolean;
  /** True when the step reads `conventions.module`: the engine then reads the audit module (ts-morph) before the first such file. */
  needsConventions?: boolean;
  /**
   * Substrings one of which a file must hold for `mayMatch` to be true: the engine tests them on the
   * raw bytes and decodes only files that hold one. Absent or null: every file is decoded and asked.
   */
  needles?(options: Record<string, unknown>, emitNames: readonly string[]): string[] | null;
  /**
   * True when a file that passes `mayMatch` usually changes (an awaited emit, a named mutation): the engine
   * then parses it once for editing, where a probe parse would only be paid again.
   */
  precisePrefilter?: boolean;
  /** Edits `ctx.root` in place; returns true when it changed anything. */
  apply(ctx: StepContext): boolean;
}
