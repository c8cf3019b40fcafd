import type * as TsMorph from "ts-morph";
import type { Node as TsNode, SourceFile, TypeNode } from "ts-morph";
import { closingParen } from "./emit";
import { DEFAULT_MODULE_FACTS, type AuditModuleFacts, type EmitFunctionFact } from "./types";

/**
 * What the repo's audit module says about its own conventions, read from its syntax with ts-morph:
 * pure (the caller reads the file and builds the SourceFile), once per run.
 */

export type ConventionFact = keyof AuditModuleFacts;

/** Where each fact came from: `file:line` places in the module, `auditmod.config.json`, or why the default holds. */
export type ConventionSources = Record<ConventionFact, string[]>;

export interface LearnedConventions {
  facts: AuditModuleFacts;
  sources: ConventionSources;
}

function tsMorph(): typeof TsMorph {
  return require("ts-morph") as typeof TsMorph;
}

const EVENT_PROPERTIES = ["action", "targets"];

function lineOf(file: string, node: TsNode): string {
  return `${file}:${node.getStartLineNumber()}`;
}

/** The property names of an emit function's event parameter: its type's properties (of any member of a union), else its destructured names. */
function eventParams(parameter: TsMorph.ParameterDeclaration): string[] {
  const { Node } = tsMorph();
  const type = parameter.getType();
  const members = type.isUnion() ? type.getUnionTypes() : [type];
  const typed = [...new Set(members.flatMap((member) => member.getProperties().map((p) => p.getName())))];
  if (typed.length > 0) return typed;
  const pattern = parameter.getNameNode();
  if (!Node.isObjectBindingPattern(pattern)) return [];
  return pattern
    .getElements()
    .filter((e) => !e.getDotDotDotToken())
    .map((e) => (e.getPropertyNameNode() ?? e.getNameNode()).getText());
}

/** Exported functions (declarations, or `export const f = (...) =>`), with the node to point at. */
function exportedFunctions(sf: SourceFile): { name: string; node: TsNode; parameters: TsMorph.ParameterDeclaration[] }[] {
  const { Node } = tsMorph();
  const found: { name: string; node: TsNode; parameters: TsMorph.ParameterDeclaration[] }[] = [];
  for (const fn of sf.getFunctions()) {
    const name = fn.getName();
    if (name && fn.isExported()) found.push({ name, node: fn, parameters: fn.getParameters() });
  }
  for (const statement of sf.getVariableStatements()) {
    if (!statement.isExported()) continue;
    for (const declaration of statement.getDeclarations()) {
      const init = declaration.getInitializer();
      if (init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))) {
        found.push({ name: declaration.getName(), node: declaration, parameters: init.getParameters() });
      }
    }
  }
  return found;
}

/** Exported functions whose one parameter is an event with `action` and `targets`: an `auth` one or a direct one. */
function learnEmitFunctions(sf: SourceFile, file: string, sources: ConventionSources): EmitFunctionFact[] | null {
  const facts: EmitFunctionFact[] = [];
  for (const fn of exportedFunctions(sf)) {
    if (fn.parameters.length !== 1) continue;
    const params = eventParams(fn.parameters[0]);
    if (!EVENT_PROPERTIES.every((p) => params.includes(p))) continue;
    const kind = params.includes("auth") ? "auth" : params.includes("workspace") && params.includes("actor") ? "direct" : null;
    if (!kind) continue;
    facts.push({ name: fn.name, kind, params });
    sources.emitFunctions.push(lineOf(file, fn.node));
  }
  if (facts.length === 0) return null;
  // The standard helpers stay emits whatever the module says (a parameter it cannot read, a stub): their calls must never go unseen.
  for (const standard of DEFAULT_MODULE_FACTS.emitFunctions) {
    if (facts.some((f) => f.name === standard.name)) continue;
    facts.push(standard);
    sources.emitFunctions.push(`default (${standard.name}: not an emit function of ${file})`);
  }
  return facts;
}

/** True for `...metadata`, `...event.metadata`, `...(metadata ?? {})`: the caller's metadata spread into what the module sends. */
function spreadsMetadata(expression: TsNode): boolean {
  const { Node } = tsMorph();
  let current = expression;
  while (Node.isParenthesizedExpression(current)) current = current.getExpression();
  if (Node.isBinaryExpression(current)) return spreadsMetadata(current.getLeft());
  if (Node.isIdentifier(current)) return current.getText() === "metadata";
  return Node.isPropertyAccessExpression(current) && current.getName() === "metadata";
}

/** Keys written beside `...metadata` in an object literal of the module (`{ ...metadata, actor_type: actor.type }`). */
function learnModuleMetadataKeys(sf: SourceFile, file: string, sources: ConventionSources): string[] | null {
  const { Node, SyntaxKind } = tsMorph();
  const keys: string[] = [];
  for (const object of sf.getDescendantsOfKind(SyntaxKind.ObjectLiteralExpression)) {
    const properties = object.getProperties();
    if (!properties.some((p) => Node.isSpreadAssignment(p) && spreadsMetadata(p.getExpression()))) continue;
    for (const property of properties) {
      if (!Node.isPropertyAssignment(property) && !Node.isShorthandPropertyAssignment(property)) continue;
      const nameNode = property.getNameNode();
      const key = Node.isStringLiteral(nameNode) ? nameNode.getLiteralValue() : Node.isIdentifier(nameNode) ? nameNode.getText() : null;
      if (key === null || keys.includes(key)) continue;
      keys.push(key);
      sources.moduleMetadataKeys.push(lineOf(file, property));
    }
  }
  return keys.length > 0 ? keys : null;
}

function unwrapParens(node: TypeNode): TypeNode {
  let current = node;
  while (tsMorph().Node.isParenthesizedTypeNode(current)) current = current.getTypeNode();
  return current;
}

/** The string literals of `"a" | "b"`, of a type alias naming one, or of `(typeof XS)[number]` over `XS = [...] as const`. */
function stringUnion(sf: SourceFile, node: TypeNode, seen: Set<string> = new Set()): { values: string[]; at: TsNode } | null {
  const { Node, SyntaxKind } = tsMorph();
  const type = unwrapParens(node);
  const members = Node.isUnionTypeNode(type) ? type.getTypeNodes() : [type];
  const values: string[] = [];
  for (const member of members) {
    const literal = Node.isLiteralTypeNode(member) ? member.getLiteral() : null;
    if (literal && Node.isStringLiteral(literal)) {
      values.push(literal.getLiteralValue());
      continue;
    }
    if (Node.isTypeReference(member) && members.length === 1) {
      const name = member.getTypeName().getText();
      const alias = seen.has(name) ? undefined : sf.getTypeAlias(name);
      const aliased = alias?.getTypeNode();
      const union = aliased ? stringUnion(sf, aliased, new Set([...seen, name])) : null;
      // The alias is where a reader looks for the list.
      return union && alias ? { values: union.values, at: alias } : null;
    }
    if (Node.isIndexedAccessTypeNode(member) && members.length === 1 && member.getIndexTypeNode().getKind() === SyntaxKind.NumberKeyword) {
      const object = unwrapParens(member.getObjectTypeNode());
      if (!Node.isTypeQuery(object)) return null;
      let init = sf.getVariableDeclaration(object.getExprName().getText())?.getInitializer();
      if (init && Node.isSatisfiesExpression(init)) init = init.getExpression();
      const array = init && Node.isAsExpression(init) ? init.getExpression() : undefined;
      if (!array || !Node.isArrayLiteralExpression(array)) return null;
      const elements = array.getElements();
      if (elements.length === 0 || !elements.every((e) => Node.isStringLiteral(e))) return null;
      return { values: elements.map((e) => (e as TsMorph.StringLiteral).getLiteralValue()), at: array };
    }
    return null;
  }
  return values.length > 0 ? { values, at: type } : null;
}

/** The `type` property of the module's target type (`AuditLogTarget`), else a type alias named `...TargetType`. */
function learnTargetTypes(sf: SourceFile, file: string, sources: ConventionSources): string[] | null {
  const { Node } = tsMorph();
  const targetShapes = [...sf.getInterfaces(), ...sf.getTypeAliases()].filter((d) => /Target$/.test(d.getName()));
  for (const shape of targetShapes) {
    const members = Node.isInterfaceDeclaration(shape) ? shape.getProperties() : (() => {
      const typeNode = shape.getTypeNode();
      return typeNode && Node.isTypeLiteral(typeNode) ? typeNode.getProperties() : [];
    })();
    const typeProperty = members.find((m) => m.getName() === "type");
    const typeNode = typeProperty?.getTypeNode();
    const union = typeNode ? stringUnion(sf, typeNode) : null;
    if (typeProperty && union) {
      sources.targetTypes.push(...new Set([lineOf(file, typeProperty), lineOf(file, union.at)]));
      return union.values;
    }
  }
  for (const alias of sf.getTypeAliases()) {
    if (!/TargetType$/.test(alias.getName())) continue;
    const union = stringUnion(sf, alias.getTypeNodeOrThrow());
    if (union) {
      sources.targetTypes.push(lineOf(file, alias));
      return union.values;
    }
  }
  return null;
}

const TARGET_BUILDER = /^build\w*Target$/;

/**
 * Exported functions named `build...Target`, and such names in export lists (`export { buildX } from`).
 * A module that declares its emit functions and exports none has none (`[]`); otherwise, or when it
 * re-exports a whole module (`export *`), none found keeps the default.
 */
function learnTargetBuilders(sf: SourceFile, file: string, sources: ConventionSources, declaresEmits: boolean): string[] | null {
  const found: { name: string; node: TsNode }[] = exportedFunctions(sf).filter((fn) => TARGET_BUILDER.test(fn.name));
  for (const declaration of sf.getExportDeclarations()) {
    for (const specifier of declaration.getNamedExports()) {
      const name = (specifier.getAliasNode() ?? specifier.getNameNode()).getText();
      if (TARGET_BUILDER.test(name) && !found.some((f) => f.name === name)) found.push({ name, node: specifier });
    }
  }
  for (const builder of found) sources.targetBuilders.push(lineOf(file, builder.node));
  if (found.length > 0) return found.map((builder) => builder.name);
  const reexportsAll = sf.getExportDeclarations().some((d) => !d.hasNamedExports() && d.getModuleSpecifier() !== undefined);
  if (!declaresEmits || reexportsAll) return null;
  sources.targetBuilders.push(`${file} (declares its emit functions and exports no build...Target function)`);
  return [];
}

/** True for `string`, `"a" | "b"`. */
function isStringTypeNode(node: TypeNode): boolean {
  const { Node, SyntaxKind } = tsMorph();
  const type = unwrapParens(node);
  if (type.getKind() === SyntaxKind.StringKeyword) return true;
  if (Node.isUnionTypeNode(type)) return type.getTypeNodes().every(isStringTypeNode);
  return Node.isLiteralTypeNode(type) && Node.isStringLiteral(type.getLiteral());
}

/** The value type of `Record<string, V>` or `{ [key: string]: V }`, else null. */
function recordValueType(node: TypeNode): TypeNode | null {
  const { Node } = tsMorph();
  const type = unwrapParens(node);
  if (Node.isTypeReference(type) && type.getTypeName().getText() === "Record") return type.getTypeArguments()[1] ?? null;
  if (Node.isTypeLiteral(type)) {
    const index = type.getIndexSignatures();
    if (index.length === 1 && type.getProperties().length === 0) return index[0].getReturnTypeNode() ?? null;
  }
  return null;
}

/** Whether the metadata type (an alias named `...Metadata`, else the `metadata` property of an event type) admits only strings. */
function learnMetadataStringOnly(sf: SourceFile, file: string, sources: ConventionSources): boolean | null {
  const { Node, SyntaxKind } = tsMorph();
  const candidates: { at: TsNode; type: TypeNode }[] = [];
  for (const alias of sf.getTypeAliases()) {
    const type = alias.getTypeNode();
    if (/Metadata$/.test(alias.getName()) && type) candidates.push({ at: alias, type });
  }
  for (const property of sf.getDescendantsOfKind(SyntaxKind.PropertySignature)) {
    const type = property.getTypeNode();
    if (property.getName() !== "metadata" || !type) continue;
    // `metadata?: AuditLogMetadata` is the alias, already a candidate; `Record<...>` is read as written.
    if (Node.isTypeReference(type) && sf.getTypeAlias(type.getTypeName().getText())) continue;
    candidates.push({ at: property, type });
  }
  for (const candidate of candidates) {
    const value = recordValueType(candidate.type);
    if (!value) continue;
    sources.metadataStringOnly.push(lineOf(file, candidate.at));
    return isStringTypeNode(value);
  }
  return null;
}

/** Reads every fact from the audit module `file`; a fact the module does not state keeps its default and says so. */
export function learnConventions(sf: SourceFile, file: string): LearnedConventions {
  const sources: ConventionSources = { emitFunctions: [], moduleMetadataKeys: [], targetTypes: [], targetBuilders: [], metadataStringOnly: [] };
  const emitFunctions = learnEmitFunctions(sf, file, sources);
  const learned = {
    emitFunctions,
    moduleMetadataKeys: learnModuleMetadataKeys(sf, file, sources),
    targetTypes: learnTargetTypes(sf, file, sources),
    targetBuilders: learnTargetBuilders(sf, file, sources, emitFunctions !== null),
    metadataStringOnly: learnMetadataStringOnly(sf, file, sources),
  };
  const facts: AuditModuleFacts = {
    emitFunctions: learned.emitFunctions ?? DEFAULT_MODULE_FACTS.emitFunctions,
    moduleMetadataKeys: learned.moduleMetadataKeys ?? DEFAULT_MODULE_FACTS.moduleMetadataKeys,
    targetTypes: learned.targetTypes ?? DEFAULT_MODULE_FACTS.targetTypes,
    targetBuilders: learned.targetBuilders ?? DEFAULT_MODULE_FACTS.targetBuilders,
    metadataStringOnly: learned.metadataStringOnly ?? DEFAULT_MODULE_FACTS.metadataStringOnly,
  };
  for (const key of Object.keys(learned) as ConventionFact[]) {
    if (learned[key] === null) sources[key] = [`default (not found in ${file})`];
  }
  return { facts, sources };
}

/** The defaults, each saying why: the module could not be read. */
export function defaultConventions(reason: string): LearnedConventions {
  const why = [`default (${reason})`];
  return {
    facts: DEFAULT_MODULE_FACTS,
    sources: { emitFunctions: why, moduleMetadataKeys: why, targetTypes: why, targetBuilders: why, metadataStringOnly: why },
  };
}

/** The config's overrides on top of what was learned; each overridden fact is sourced to the config file. */
export function withOverrides(learned: LearnedConventions, overrides: Partial<AuditModuleFacts>, configFile: string): LearnedConventions {
  const facts = { ...learned.facts };
  const sources = { ...learned.sources };
  for (const key of Object.keys(overrides) as ConventionFact[]) {
    if (overrides[key] === undefined) continue;
    (facts as Record<ConventionFact, unknown>)[key] = overrides[key];
    sources[key] = [`${configFile} (conventions.${key})`];
  }
  return { facts, sources };
}

/** `(a, b)` holds a comma outside any bracket: more than one parameter. */
function hasTopLevelComma(params: string): boolean {
  let depth = 0;
  for (let i = 0; i < params.length; i++) {
    const c = params[i];
    if (c === "(" || c === "{" || c === "[" || c === "<") depth++;
    else if (c === ")" || c === "}" || c === "]" || (c === ">" && params[i - 1] !== "=")) depth--;
    else if (c === "," && depth === 0 && params.slice(i + 1).trim() !== "") return true;
  }
  return false;
}

const DECLARED_TYPE = /\b(?:interface|type|class|enum)\s+([A-Za-z_$][\w$]*)/g;
const FUNCTION_DECLARATION = /\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)\s*/g;
const FUNCTION_INIT = /^=\s*(?:async\s+)?(?:function\b\s*\*?\s*(?:[A-Za-z_$][\w$]*)?\s*)?(<[^(]*)?\(/;
const ANY_FUNCTION_INIT = /^=\s*(?:async\s+)?(?:function\b|[(<]|[A-Za-z_$][\w$]*\s*=>)/;
const VARIABLE_DECLARATION = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*/g;

/**
 * The names `learnEmitFunctions` could find in the module `text`, read without parsing, so a run can
 * tell without ts-morph whether the module may name its emits otherwise. A superset: every exported
 * function whose one parameter mentions `action` or a type the module declares (its event type), and
 * every one the text is too tricky to read.
 */
export function emitFunctionCandidates(text: string): string[] {
  const declared = new Set([...text.matchAll(DECLARED_TYPE)].map((m) => m[1]));
  const listed = new Set([...text.matchAll(/\bexport\s*\{([^}]*)\}/g)].flatMap((m) => m[1].match(/[A-Za-z_$][\w$]*/g) ?? []));
  // Only exported functions are emit functions: an `export` keyword before the declaration, or an `export { ... }` naming it.
  const exported = (name: string, at: number) => listed.has(name) || /\bexport\s+(?:default\s+)?(?:declare\s+)?(?:async\s+)?$/.test(text.slice(Math.max(0, at - 40), at));
  const candidates = new Set<string>();
  // `open`: where the parameter list starts (-1: the declaration cannot be read surely); `from`: where its type parameters start.
  const consider = (name: string, open: number, from = open): void => {
    const close = open < 0 ? -1 : closingParen(text, open);
    if (close < 0) {
      candidates.add(name);
      return;
    }
    const params = text.slice(open + 1, close);
    if (params.trim() === "" || hasTopLevelComma(params)) return;
    const words = text.slice(from, close).match(/[A-Za-z_$][\w$]*/g) ?? [];
    if (words.some((w) => w === "action" || w === "typeof" || declared.has(w))) candidates.add(name);
  };
  for (const m of text.matchAll(FUNCTION_DECLARATION)) {
    if (!exported(m[1], m.index)) continue;
    const from = m.index + m[0].length;
    const at = text[from] === "<" ? text.indexOf("(", from) : from;
    consider(m[1], text[at] === "(" ? at : -1, from);
  }
  for (const m of text.matchAll(VARIABLE_DECLARATION)) {
    if (!exported(m[1], m.index)) continue;
    const rest = text.slice(m.index + m[0].length);
    // A function typed by the constant's annotation (`const emit: EmitFn = (e) => ...`) is counted whatever its parameter.
    if (rest.startsWith(":")) {
      const assign = /[^=!<>]=(?!>)/.exec(rest);
      if (assign && ANY_FUNCTION_INIT.test(rest.slice(assign.index + 1))) consider(m[1], -1);
      continue;
    }
    const init = FUNCTION_INIT.exec(rest);
    if (init) consider(m[1], m.index + m[0].length + init[0].length - 1, m.index + m[0].length);
  }
  return [...candidates];
}
