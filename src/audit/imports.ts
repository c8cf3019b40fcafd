import type { ASTPath, ImportDeclaration } from "jscodeshift";
import type { Node } from "./ast";
import type { AuditConventions, StepContext } from "./types";

/** True when an import source names the audit module (the configured specifier, or a relative path to it). */
export function isAuditModuleSource(source: string, conventions: AuditConventions): boolean {
  const bare = source.replace(/\.(ts|js|mts|mjs)$/, "");
  if (bare === conventions.auditModuleSpecifier) return true;
  const tail = conventions.auditModuleSpecifier.split("/").slice(-3).join("/");
  return bare.endsWith(`/${tail}`);
}

// Imports are top-level statements: scanning the program body avoids walking the whole tree per call.
function auditImports(ctx: StepContext): ASTPath<ImportDeclaration>[] {
  const found: ASTPath<ImportDeclaration>[] = [];
  const body = ctx.root.get("program", "body");
  const count = (body.value as unknown[]).length;
  for (let i = 0; i < count; i++) {
    const path = body.get(i) as ASTPath<ImportDeclaration>;
    if (path.node.type !== "ImportDeclaration") continue;
    const source = path.node.source.value;
    if (typeof source === "string" && isAuditModuleSource(source, ctx.conventions)) found.push(path);
  }
  return found;
}

function isTypeOnly(node: Node): boolean {
  return node.importKind === "type";
}

/** The local name under which the file imports `name` from the audit module, or null. */
export function importedLocalName(ctx: StepContext, name: string): string | null {
  for (const path of auditImports(ctx)) {
    if (isTypeOnly(path.node as unknown as Node)) continue;
    for (const specifier of path.node.specifiers ?? []) {
      const s = specifier as unknown as Node;
      if (s.type !== "ImportSpecifier" || isTypeOnly(s)) continue;
      const imported = s.imported as Node;
      const importedName = imported.type === "Identifier" ? (imported.name as string) : (imported.value as string);
      if (importedName === name) return ((s.local as Node | undefined)?.name as string | undefined) ?? importedName;
    }
  }
  return null;
}

/**
 * Makes `name` from the audit module available and returns the local name to call it by:
 * an existing (possibly renamed) import is reused, else the name joins the existing value
 * import from the module, else a new import is added after the last import.
 */
export function ensureAuditImport(ctx: StepContext, name: string): string {
  const existing = importedLocalName(ctx, name);
  if (existing) return existing;
  const { j } = ctx;
  const target = auditImports(ctx).find((path) => {
    const node = path.node as unknown as Node;
    return !isTypeOnly(node) && (path.node.specifiers ?? []).every((s) => s.type === "ImportSpecifier");
  });
  if (target) {
    target.node.specifiers = [...(target.node.specifiers ?? []), j.importSpecifier(j.identifier(name))];
    return name;
  }
  const declaration = j.importDeclaration([j.importSpecifier(j.identifier(name))], j.stringLiteral(ctx.conventions.auditModuleSpecifier));
  const imports = ctx.root.find(j.ImportDeclaration);
  if (imports.length > 0) {
    imports.at(imports.length - 1).insertAfter(declaration);
  } else {
    const program = ctx.root.find(j.Program).get();
    program.node.body.unshift(declaration);
  }
  return name;
}

/** Removes the audit-module import of `name` when no identifier in the file refers to it any more. */
export function removeAuditImportIfUnused(ctx: StepContext, name: string): boolean {
  const local = importedLocalName(ctx, name);
  if (!local) return false;
  const { j } = ctx;
  const uses = ctx.root.find(j.Identifier, { name: local }).filter((path) => {
    const parent = path.parent?.node as Node | undefined;
    return !(parent && (parent.type === "ImportSpecifier" || parent.type === "ImportDefaultSpecifier"));
  });
  if (uses.length > 0) return false;
  for (const path of auditImports(ctx)) {
    const specifiers = path.node.specifiers ?? [];
    const kept = specifiers.filter((s) => !(s.type === "ImportSpecifier" && s.local?.name === local));
    if (kept.length === specifiers.length) continue;
    if (kept.length === 0) path.prune();
    else path.node.specifiers = kept;
    return true;
  }
  return false;
}
