import type { ASTPath, ImportDeclaration } from "jscodeshift";
import type { Node } from "./ast";
import { printNode, setComments, takePlace } from "./snippets";
import type { AuditConventions, StepContext } from "./types";

/** True when an import source names the audit module (the configured specifier, or a relative path to it). */
export function isAuditModuleSource(source: string, conventions: AuditConventions): boolean {
  const bare = source.replace(/\.(ts|js|mts|mjs)$/, "");
  if (bare === conventions.auditModuleSpecifier) return true;
  const tail = conventions.auditModuleSpecifier.split("/").slice(-3).join("/");
  return bare.endsWith(`/${tail}`);
}

/** True when an import source names `module`: the audit module as the conventions say, any other as written (extension aside). */
function isModuleSource(ctx: StepContext, module: string, source: string): boolean {
  if (module === ctx.conventions.auditModuleSpecifier) return isAuditModuleSource(source, ctx.conventions);
  const bare = (text: string) => text.replace(/\.(ts|js|mts|mjs)$/, "");
  return bare(source) === bare(module);
}

// Imports are top-level statements: scanning the program body avoids walking the whole tree per call.
function importsFrom(ctx: StepContext, module: string): ASTPath<ImportDeclaration>[] {
  const found: ASTPath<ImportDeclaration>[] = [];
  const body = ctx.root.get("program", "body");
  const count = (body.value as unknown[]).length;
  for (let i = 0; i < count; i++) {
    const path = body.get(i) as ASTPath<ImportDeclaration>;
    if (path.node.type !== "ImportDeclaration") continue;
    const source = path.node.source.value;
    if (typeof source === "string" && isModuleSource(ctx, module, source)) found.push(path);
  }
  return found;
}

function isTypeOnly(node: Node): boolean {
  return node.importKind === "type";
}

/** The local name under which the file imports `name` from the audit module, or null. */
export function importedLocalName(ctx: StepContext, name: string): string | null {
  return importedLocalNameFrom(ctx, ctx.conventions.auditModuleSpecifier, name);
}

/** The name a value import specifier imports (`a` in `{ a as b }`). */
function importedNameOf(specifier: Node): string {
  const imported = specifier.imported as Node;
  return imported.type === "Identifier" ? (imported.name as string) : (imported.value as string);
}

/** The local name under which the file imports `name` (a value) from `module`, or null. */
export function importedLocalNameFrom(ctx: StepContext, module: string, name: string): string | null {
  for (const path of importsFrom(ctx, module)) {
    if (isTypeOnly(path.node as unknown as Node)) continue;
    for (const specifier of path.node.specifiers ?? []) {
      const s = specifier as unknown as Node;
      if (s.type !== "ImportSpecifier" || isTypeOnly(s)) continue;
      const importedName = importedNameOf(s);
      if (importedName === name) return ((s.local as Node | undefined)?.name as string | undefined) ?? importedName;
    }
  }
  return null;
}

/** The value import that binds `local`: its module and the name it imports, or null when `local` is not imported. */
export function importBinding(ctx: StepContext, local: string): { module: string; imported: string } | null {
  const body = ctx.root.get("program", "body");
  for (const statement of body.value as Node[]) {
    if (statement.type !== "ImportDeclaration" || isTypeOnly(statement)) continue;
    for (const s of (statement.specifiers as Node[] | undefined) ?? []) {
      if (s.type !== "ImportSpecifier" || isTypeOnly(s)) continue;
      const importedName = importedNameOf(s);
      if ((((s.local as Node | null)?.name as string | undefined) ?? importedName) === local) {
        return { module: (statement.source as Node).value as string, imported: importedName };
      }
    }
  }
  return null;
}

/** The local names an import declaration binds, in order. */
function localNames(declaration: ImportDeclaration): string[] {
  // A specifier a step builds (`j.importSpecifier(id)`) has no `local` yet: it binds its imported name.
  return (declaration.specifiers ?? []).map((s) => (s.local?.name as string | undefined) ?? (s.type === "ImportSpecifier" ? (s.imported.name as string) : ""));
}

/**
 * The declaration re-parsed from `text` when it binds exactly `expected`, else null. recast prints a
 * node parsed from text as that text, so an edited import keeps its line breaks and trailing comma.
 */
function reparsedImport(ctx: StepContext, text: string, expected: string[]): ImportDeclaration | null {
  try {
    const program = ctx.j(text).get().node.program as { body: Node[] };
    const [only] = program.body;
    if (program.body.length !== 1 || only.type !== "ImportDeclaration") return null;
    const declaration = only as unknown as ImportDeclaration;
    return localNames(declaration).join(",") === expected.join(",") ? declaration : null;
  } catch {
    return null;
  }
}

/** The text inside the braces of an import, split around them; null when comments make it unsafe to edit as text. */
function importBraces(ctx: StepContext, declaration: ImportDeclaration): { head: string; inner: string; tail: string } | null {
  // recast prints the declaration with its comments; they stay on the node, so edit only the statement itself.
  const printed = printNode(ctx, declaration);
  const start = printed.search(/(?:^|\n)[ \t]*import\b/);
  if (start < 0) return null;
  const statement = printed.slice(start).replace(/^\n?[ \t]*/, "");
  const end = /\}\s*from\s*(["'])[^"'\n]*\1\s*;?/.exec(statement);
  if (!end) return null;
  const text = statement.slice(0, end.index + end[0].length);
  if (text.includes("//") || text.includes("/*")) return null;
  const open = text.indexOf("{");
  const close = text.lastIndexOf("}");
  if (open < 0 || close < open) return null;
  return { head: text.slice(0, open + 1), inner: text.slice(open + 1, close), tail: text.slice(close) };
}

/** Puts `next` in the place of the declaration at `path`, keeping its comments and position. */
function replaceImport(path: ASTPath<ImportDeclaration>, next: ImportDeclaration): void {
  const comments = (path.node as unknown as Node).comments;
  if (Array.isArray(comments)) setComments(next, comments);
  takePlace(next, path.node);
  path.replace(next);
}

/** Adds `name` to an import's braces as the file lays them out (sorted when they are, one per line, trailing comma), or generically. */
function addSpecifier(ctx: StepContext, path: ASTPath<ImportDeclaration>, name: string): void {
  const names = localNames(path.node);
  const parts = importBraces(ctx, path.node);
  if (parts) {
    const { head, inner, tail } = parts;
    const pieces = inner.split(",");
    const written = pieces.map((piece) => piece.trim()).filter(Boolean);
    const sorted = written.every((piece, i) => i === 0 || written[i - 1].localeCompare(piece) <= 0);
    const at = sorted ? written.findIndex((piece) => piece.localeCompare(name) > 0) : -1;
    let grown: string;
    if (at >= 0) {
      pieces.splice(at, 0, `${/^\s*/.exec(pieces[at])![0]}${name}`);
      grown = pieces.join(",");
    } else {
      const multiLine = inner.includes("\n");
      const indent = /\n([ \t]*)\S/.exec(inner)?.[1] ?? "  ";
      const trailingComma = /,\s*$/.test(inner);
      grown = inner.replace(/,?(\s*)$/, (_match, space: string) => (multiLine ? `,\n${indent}${name}${trailingComma ? "," : ""}${space}` : `, ${name}${space}`));
    }
    const expected = at >= 0 ? [...names.slice(0, at), name, ...names.slice(at)] : [...names, name];
    const next = reparsedImport(ctx, head + grown + tail, expected);
    if (next) return replaceImport(path, next);
  }
  path.node.specifiers = [...(path.node.specifiers ?? []), ctx.j.importSpecifier(ctx.j.identifier(name))];
}

/** Removes the specifier bound to `local` from an import's braces, keeping the layout of the rest. */
function removeSpecifier(ctx: StepContext, path: ASTPath<ImportDeclaration>, local: string): void {
  const specifiers = path.node.specifiers ?? [];
  const kept = specifiers.filter((s) => !(s.type === "ImportSpecifier" && s.local?.name === local));
  const parts = importBraces(ctx, path.node);
  if (parts) {
    const pieces = parts.inner.split(",");
    const at = pieces.findIndex((piece) => new RegExp(`(^|\\s)${local}$`).test(piece.trim()));
    if (at >= 0) {
      const trailingSpace = /\s*$/.exec(pieces[at])![0];
      pieces.splice(at, 1);
      const inner = at === pieces.length && pieces.length > 0 ? pieces.join(",") + trailingSpace : pieces.join(",");
      const next = reparsedImport(ctx, parts.head + inner + parts.tail, localNames({ ...path.node, specifiers: kept } as ImportDeclaration));
      if (next) return replaceImport(path, next);
    }
  }
  path.node.specifiers = kept;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Puts a new import of the audit module beside the import whose source shares the longest prefix
 * with it (its group), before or after it as sorted. Never after the last import: recast would copy
 * the blank line that ends the import block in front of the new one, so there it goes before.
 */
function insertImport(ctx: StepContext, declaration: ImportDeclaration, source: string): void {
  const body = ctx.root.get("program", "body");
  const imports: ASTPath<ImportDeclaration>[] = [];
  for (let i = 0; i < (body.value as unknown[]).length; i++) {
    const path = body.get(i) as ASTPath<ImportDeclaration>;
    if (path.node.type === "ImportDeclaration") imports.push(path);
  }
  const uncommented = imports.filter((path) => !((path.node as unknown as Node).comments as unknown[] | undefined)?.length);
  let anchor: ASTPath<ImportDeclaration> | undefined;
  let best = -1;
  for (const path of uncommented) {
    const shared = commonPrefixLength(String(path.node.source.value), source);
    if (shared >= best) [anchor, best] = [path, shared];
  }
  const last = imports[imports.length - 1];
  if (anchor && (source < String(anchor.node.source.value) || anchor === last)) anchor.insertBefore(declaration);
  else if (anchor) anchor.insertAfter(declaration);
  else if (last) last.insertAfter(declaration);
  else ctx.root.get("program").node.body.unshift(declaration);
}

/**
 * Makes `name` from the audit module available and returns the local name to call it by:
 * an existing (possibly renamed) import is reused, else the name joins the existing value
 * import from the module, else a new import is added among the imports.
 */
export function ensureAuditImport(ctx: StepContext, name: string): string {
  return ensureImport(ctx, ctx.conventions.auditModuleSpecifier, name);
}

/** `ensureAuditImport` for any module: the same rules, for a name imported from `module` (written as given). */
export function ensureImport(ctx: StepContext, module: string, name: string): string {
  const existing = importedLocalNameFrom(ctx, module, name);
  if (existing) return existing;
  const { j } = ctx;
  const target = importsFrom(ctx, module).find((path) => {
    const node = path.node as unknown as Node;
    return !isTypeOnly(node) && (path.node.specifiers ?? []).every((s) => s.type === "ImportSpecifier");
  });
  if (target) {
    addSpecifier(ctx, target, name);
    return name;
  }
  insertImport(ctx, j.importDeclaration([j.importSpecifier(j.identifier(name))], j.stringLiteral(module)), module);
  return name;
}

/** Removes the audit-module import of `name` when no identifier in the file refers to it any more. */
export function removeAuditImportIfUnused(ctx: StepContext, name: string): boolean {
  return removeImportIfUnused(ctx, ctx.conventions.auditModuleSpecifier, name);
}

/** True when some identifier other than an import binding is named `local` (a use, or a shadowing declaration). */
function isReferenced(ctx: StepContext, local: string): boolean {
  const uses = ctx.root.find(ctx.j.Identifier, { name: local }).filter((path) => {
    const parent = path.parent?.node as Node | undefined;
    return !(parent && (parent.type === "ImportSpecifier" || parent.type === "ImportDefaultSpecifier"));
  });
  return uses.length > 0;
}

/** Removes the import of `name` from `module` when no identifier in the file refers to it any more. */
export function removeImportIfUnused(ctx: StepContext, module: string, name: string): boolean {
  const local = importedLocalNameFrom(ctx, module, name);
  if (!local || isReferenced(ctx, local)) return false;
  for (const path of importsFrom(ctx, module)) {
    const specifiers = path.node.specifiers ?? [];
    const kept = specifiers.filter((s) => !(s.type === "ImportSpecifier" && s.local?.name === local));
    if (kept.length === specifiers.length) continue;
    if (kept.length === 0) path.prune();
    else removeSpecifier(ctx, path, local);
    return true;
  }
  return false;
}
