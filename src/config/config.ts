import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { DEFAULT_CONVENTIONS, type AuditConventions, type AuditModuleFacts } from "../audit/types";
import { UsageError } from "../engine/errors";

export const CONFIG_FILE = "auditmod.config.json";
export const DEFAULT_REGISTRY = "lib/api/audit/workos_audit.ts";
export const DEFAULT_SCHEMAS_DIR = "admin/audit_log_schemas";

/** `auditmod.config.json`: every key optional, unknown keys rejected. */
export const ConfigSchema = z
  .object({
    registry: z.string().min(1).optional(),
    schemasDir: z.string().min(1).optional(),
    auditModuleSpecifier: z.string().min(1).optional(),
    scriptDirs: z.array(z.string().min(1)).optional(),
    targetStyle: z.enum(["auto", "builder", "literal"]).optional(),
    quote: z.enum(["double", "single"]).optional(),
    maxFileSize: z.number().int().positive().optional(),
    format: z.enum(["prettier"]).optional(),
    neverReturns: z.array(z.string().regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, "expected a function name such as \"fail\" or \"Errors.unreachable\"")).optional(),
    /** Overrides what `auditmod conventions` learns from the audit module, fact by fact. */
    conventions: z
      .object({
        emitFunctions: z
          .array(z.object({ name: z.string().min(1), kind: z.enum(["auth", "direct"]), params: z.array(z.string().min(1)) }).strict())
          .min(1)
          .optional(),
        moduleMetadataKeys: z.array(z.string().min(1)).optional(),
        targetTypes: z.array(z.string().min(1)).min(1).nullable().optional(),
        targetBuilders: z.array(z.string().min(1)).optional(),
        metadataStringOnly: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof ConfigSchema>;

export interface AuditmodConfig {
  root: string;
  registry: string;
  schemasDir: string;
  maxFileSize: number;
  /** `"prettier"`: every writing run formats the statements it writes (as `--prettier`). */
  format?: "prettier";
  conventions: AuditConventions;
  /** The config's `conventions`: facts that override what the audit module says. */
  moduleOverrides: Partial<AuditModuleFacts>;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/** Formats zod issues as `where: message`, one per problem. */
export function formatIssues(issues: z.ZodIssue[], prefix = ""): string[] {
  return issues.map((issue) => {
    const where = issue.path.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${part}` : String(part)), prefix);
    return `${where || "(top level)"}: ${issue.message}`;
  });
}

/** The `front` root: `--root`, else the nearest folder up from cwd with a config file or the audit registry. */
export function findRoot(explicit: string | undefined, cwd = process.cwd()): string {
  if (explicit) {
    const root = path.resolve(cwd, explicit);
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`--root is not a folder: ${explicit}`);
    return fs.realpathSync(root);
  }
  let dir = path.resolve(cwd);
  for (;;) {
    if (fs.existsSync(path.join(dir, CONFIG_FILE)) || fs.existsSync(path.join(dir, DEFAULT_REGISTRY))) return fs.realpathSync(dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new UsageError(`cannot find the front root from ${cwd}: no ${CONFIG_FILE} or ${DEFAULT_REGISTRY} above it (pass --root)`);
    dir = parent;
  }
}

/** The audit module's own text decides the target style when the config says `auto`. */
function detectTargetStyle(registryPath: string): "builder" | "literal" {
  try {
    const text = fs.readFileSync(registryPath, "utf8");
    return /export\s+(async\s+)?(function|const|let)\s+buildAuditLogTarget\b/.test(text) ? "builder" : "literal";
  } catch {
    return "literal";
  }
}

function rootRelative(root: string, value: string, key: string): string {
  const resolved = path.resolve(root, value);
  const rel = path.relative(root, resolved);
  if (rel.startsWith("..") || path.isAbsolute(rel)) throw new UsageError(`${CONFIG_FILE}: ${key} lies outside the root: ${value}`);
  return rel.split(path.sep).join("/");
}

export function loadConfig(root: string): AuditmodConfig {
  const file = path.join(root, CONFIG_FILE);
  let raw: unknown = {};
  if (fs.existsSync(file)) {
    try {
      raw = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      throw new UsageError(`${file}: not valid JSON: ${(error as Error).message}`);
    }
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(formatIssues(parsed.error.issues).map((m) => `${file}: ${m}`).join("\n"));
  const config = parsed.data;
  const registry = rootRelative(root, config.registry ?? DEFAULT_REGISTRY, "registry");
  const style = config.targetStyle ?? "auto";
  return {
    root,
    registry,
    schemasDir: rootRelative(root, config.schemasDir ?? DEFAULT_SCHEMAS_DIR, "schemasDir"),
    maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    ...(config.format ? { format: config.format } : {}),
    moduleOverrides: config.conventions ?? {},
    conventions: {
      auditModuleSpecifier: config.auditModuleSpecifier ?? DEFAULT_CONVENTIONS.auditModuleSpecifier,
      scriptDirs: config.scriptDirs ?? DEFAULT_CONVENTIONS.scriptDirs,
      targetStyle: style === "auto" ? detectTargetStyle(path.join(root, registry)) : style,
      quote: config.quote ?? DEFAULT_CONVENTIONS.quote,
      neverReturns: config.neverReturns ?? DEFAULT_CONVENTIONS.neverReturns,
      // The config's facts hold without reading the module (its emit names decide the prefilter).
      module: { ...DEFAULT_CONVENTIONS.module, ...config.conventions },
    },
  };
}
