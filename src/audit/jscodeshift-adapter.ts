import type { API, FileInfo, Options } from "jscodeshift";
import { decodeSource, encodeOutput } from "../engine/text";
import { positionOf } from "./location";
import { printEdited } from "./print";
import { DEFAULT_CONVENTIONS, type AuditConventions, type EmitFunctionFact, type Finding, type TransformCore } from "./types";

/** `--emitFunctions=emitAuditEvent:auth,emitAuditEventForSystem:direct`: the audit module's emit functions, each with its kind. */
function emitFunctionsOption(value: unknown): EmitFunctionFact[] {
  if (typeof value !== "string") return DEFAULT_CONVENTIONS.module.emitFunctions;
  return value.split(",").map((entry) => {
    const [name, kind] = entry.trim().split(":");
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || (kind !== "auth" && kind !== "direct")) throw new Error(`emitFunctions: expected name:auth or name:direct, got "${entry}"`);
    // The event's properties are the standard ones of its kind: a transform reads only the name and the kind.
    const params = DEFAULT_CONVENTIONS.module.emitFunctions.find((f) => f.kind === kind)!.params;
    return { name, kind, params };
  });
}

/** Conventions from jscodeshift's `--key=value` options, falling back to the defaults. */
export function conventionsFromOptions(options: Options): AuditConventions {
  const scriptDirs = options.scriptDirs;
  const neverReturns = options.neverReturns;
  return {
    auditModuleSpecifier: typeof options.auditModuleSpecifier === "string" ? options.auditModuleSpecifier : DEFAULT_CONVENTIONS.auditModuleSpecifier,
    scriptDirs: typeof scriptDirs === "string" ? scriptDirs.split(",") : Array.isArray(scriptDirs) ? scriptDirs : DEFAULT_CONVENTIONS.scriptDirs,
    targetStyle: options.targetStyle === "builder" ? "builder" : DEFAULT_CONVENTIONS.targetStyle,
    quote: options.quote === "single" ? "single" : DEFAULT_CONVENTIONS.quote,
    neverReturns: typeof neverReturns === "string" ? neverReturns.split(",") : Array.isArray(neverReturns) ? (neverReturns as string[]) : DEFAULT_CONVENTIONS.neverReturns,
    module: {
      ...DEFAULT_CONVENTIONS.module,
      metadataStringOnly: options.metadataStringOnly === true,
      emitFunctions: emitFunctionsOption(options.emitFunctions),
      // `--targetBuilders=buildAuditLogTarget`: the target builders the audit module exports (empty: none).
      targetBuilders: typeof options.targetBuilders === "string" ? options.targetBuilders.split(",").map((b) => b.trim()).filter((b) => b !== "") : DEFAULT_CONVENTIONS.module.targetBuilders,
    },
  };
}

/** Wraps a core as a jscodeshift transform, so `jscodeshift -t transforms/<name>.ts` runs it unchanged. */
export function toJscodeshiftTransform(core: TransformCore) {
  return function transform(file: FileInfo, api: API, options: Options): string {
    const j = api.jscodeshift;
    // Same text handling as the engine: BOM and CRLF are restored around an LF-only edit.
    const decoded = decodeSource(Buffer.from(file.source, "utf8"));
    if (!decoded.ok) return file.source;
    const text = decoded.source.text;
    const root = j(text);
    const conventions = conventionsFromOptions(options);
    const findings: Finding[] = [];
    const changed = core.apply({
      j,
      root,
      file: file.path.split("\\").join("/"),
      source: text,
      conventions,
      options,
      report(node, message, severity = "warning") {
        findings.push({ file: file.path, ...positionOf(node), step: core.name, severity, message });
      },
    });
    for (const f of findings) {
      if (typeof api.report === "function") api.report(`${f.file}:${f.line}:${f.column} ${f.message}`);
    }
    return changed ? encodeOutput(printEdited(root, text, conventions), decoded.source) : file.source;
  };
}
