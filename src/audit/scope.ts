import type { ASTPath } from "jscodeshift";
import type { Node } from "./ast";
import { propertyKeyName } from "./ast";
import { readsAsResult, unwrapExpression } from "./mutation";

/**
 * The one place that finds names in scope: which bindings (parameters, destructured parameters,
 * local declarations, loop variables) are visible at a path, with their annotation and initialiser.
 * Works on plain @babel/parser trees and on recast trees alike (it only reads `type` fields).
 */

const FUNCTION_TYPES = new Set([
  "FunctionDeclaration",
  "FunctionExpression",
  "ArrowFunctionExpression",
  "ObjectMethod",
  "ClassMethod",
  "ClassPrivateMethod",
]);

/** A name visible at some path. */
export interface Binding {
  name: string;
  kind: "param" | "local";
  /** The TS type written for the binding (`TSStringKeyword`, `TSTypeReference`, ...), or null. */
  annotation: Node | null;
  /** The expression it is initialised from (`const x = init`, a parameter default), or null. */
  init: Node | null;
  /** An optional parameter (`x?: T`): its type is `T | undefined`, whatever `annotation` says. */
  optional: boolean;
  /** Type names the binding is known to have: from its annotation, or inferred from its initialiser. */
  typeNames: string[];
  /** A path at the declaration: the scope in which `init` is to be read. */
  declarationPath: ASTPath;
  /** The declaring node (declarator or parameter); identifies the binding. */
  declaration: Node;
}

export function isFunctionNode(node: Node): boolean {
  return FUNCTION_TYPES.has(node.type);
}

/** The nearest function (declaration, expression, arrow or method) strictly around `path`, or null at module level. */
export function enclosingFunction(path: ASTPath): ASTPath | null {
  let current = path.parent as ASTPath | null;
  while (current) {
    if (isFunctionNode(current.node as unknown as Node)) return current;
    current = current.parent as ASTPath | null;
  }
  return null;
}

/** Unwraps `TSTypeAnnotation` (`: T`) to the type itself. */
function typeOf(annotation: unknown): Node | null {
  const node = annotation as Node | null | undefined;
  if (!node) return null;
  return node.type === "TSTypeAnnotation" || node.type === "TypeAnnotation" ? ((node.typeAnnotation as Node | undefined) ?? null) : node;
}

/** `Foo`, `ns.Foo`, and each part of `A & B`; unions (`Foo | null`) name no type for sure. */
export function referencedTypeNames(type: Node | null): string[] {
  if (!type) return [];
  if (type.type === "TSTypeReference") {
    const name = type.typeName as Node;
    if (name.type === "Identifier") return [name.name as string];
    if (name.type === "TSQualifiedName") return [(name.right as Node).name as string];
    return [];
  }
  if (type.type === "TSIntersectionType") return (type.types as Node[]).flatMap((t) => referencedTypeNames(t));
  if (type.type === "TSParenthesizedType") return referencedTypeNames(type.typeAnnotation as Node);
  return [];
}

function unwrapAwait(node: Node): Node {
  let current = node;
  while (current.type === "AwaitExpression" || current.type === "ParenthesizedExpression" || current.type === "TSNonNullExpression") {
    current = current.argument !== undefined ? (current.argument as Node) : (current.expression as Node);
  }
  return current;
}

function memberCall(node: Node): { object: Node; method: string } | null {
  if (node.type !== "CallExpression") return null;
  const callee = node.callee as Node;
  if (callee.type !== "MemberExpression" || callee.computed) return null;
  const property = callee.property as Node;
  return property.type === "Identifier" ? { object: callee.object as Node, method: property.name as string } : null;
}

function isAuthKey(node: Node | undefined): boolean {
  return node !== undefined && (node.type === "StringLiteral" || node.type === "Literal") && node.value === "auth";
}

/**
 * The type an initialiser is known to produce without a checker: `Authenticator.fromXxx(...)`
 * builds an Authenticator, and so does Hono's `ctx.get("auth")`; `x.getNonNullableWorkspace()` returns the workspace.
 */
function inferredTypeNames(init: Node | null): string[] {
  if (!init) return [];
  const value = unwrapAwait(init);
  if (value.type === "NewExpression" && (value.callee as Node).type === "Identifier") return [(value.callee as Node).name as string];
  const call = memberCall(value);
  if (!call) return [];
  if (call.object.type === "Identifier" && call.object.name === "Authenticator") return ["Authenticator"];
  // Hono keeps the Authenticator on the context: `const auth = ctx.get("auth")`.
  if (call.method === "get" && isAuthKey((value.arguments as Node[])[0])) return ["Authenticator"];
  if (call.method === "getNonNullableWorkspace") return ["WorkspaceType"];
  return [];
}

/** The member type of a `{ a: T }` type literal, so `({ auth }: { auth: Authenticator })` knows auth's type. */
function memberType(literal: Node | null, key: string): Node | null {
  if (!literal || literal.type !== "TSTypeLiteral") return null;
  for (const member of literal.members as Node[]) {
    if (member.type !== "TSPropertySignature" || member.computed) continue;
    const name = member.key as Node;
    const memberName = name.type === "Identifier" ? name.name : name.value;
    // `{ a?: T }` holds `T | undefined`: no type for sure.
    if (memberName === key) return member.optional ? null : typeOf(member.typeAnnotation);
  }
  return null;
}

interface DeclarationSite {
  kind: Binding["kind"];
  declarationPath: ASTPath;
  declaration: Node;
}

/** Every name a binding pattern introduces, with the type each is written with. */
function patternBindings(pattern: Node | null | undefined, outerType: Node | null, init: Node | null, site: DeclarationSite): Binding[] {
  if (!pattern) return [];
  const annotation = typeOf(pattern.typeAnnotation) ?? outerType;
  switch (pattern.type) {
    case "Identifier": {
      const typeNames = referencedTypeNames(annotation);
      const optional = pattern.optional === true;
      return [{ name: pattern.name as string, annotation, init, optional, typeNames: optional ? [] : typeNames.length ? typeNames : inferredTypeNames(init), ...site }];
    }
    case "AssignmentPattern":
      return patternBindings(pattern.left as Node, annotation, (pattern.right as Node) ?? null, site);
    case "TSParameterProperty":
      return patternBindings(pattern.parameter as Node, null, null, site);
    case "RestElement":
      return patternBindings(pattern.argument as Node, annotation, null, site);
    case "ObjectPattern":
      return (pattern.properties as Node[]).flatMap((property) => {
        if (property.type === "RestElement") return patternBindings(property, null, null, site);
        const key = propertyKeyName(property as never);
        return patternBindings(property.value as Node, key ? memberType(annotation, key) : null, null, site);
      });
    case "ArrayPattern":
      return (pattern.elements as (Node | null)[]).flatMap((element) => patternBindings(element, null, null, site));
    default:
      return [];
  }
}

function declarationBindings(statement: Node, declarationPath: ASTPath): Binding[] {
  if (statement.type !== "VariableDeclaration") return [];
  return (statement.declarations as Node[]).flatMap((declarator) =>
    patternBindings(declarator.id as Node, null, (declarator.init as Node | null) ?? null, { kind: "local", declarationPath, declaration: declarator }),
  );
}

/** Bindings declared by the statements of a block that come before `child` (let/const are not usable earlier). */
function statementListBindings(listPath: ASTPath, field: "body" | "consequent", child: Node): Binding[] {
  const statements = (listPath.node as unknown as Node)[field] as Node[] | undefined;
  if (!Array.isArray(statements)) return [];
  const index = statements.indexOf(child);
  const end = index === -1 ? statements.length : index;
  const found: Binding[] = [];
  for (let i = 0; i < end; i++) {
    found.push(...declarationBindings(statements[i], listPath.get(field, i) as ASTPath));
  }
  return found.reverse();
}

/**
 * The scopes around `path`, nearest first; each is the bindings one level (block, loop head,
 * function parameters) adds. With `sameFunction`, stops after the enclosing function's parameters.
 */
export function scopeLevels(path: ASTPath, sameFunction = false): Binding[][] {
  const levels: Binding[][] = [];
  let child = path as ASTPath;
  let parent = path.parent as ASTPath | null;
  while (parent) {
    const node = parent.node as unknown as Node;
    const childNode = child.node as unknown as Node;
    switch (node.type) {
      case "Program":
      case "BlockStatement":
      case "StaticBlock":
        levels.push(statementListBindings(parent, "body", childNode));
        break;
      case "SwitchCase":
        levels.push(statementListBindings(parent, "consequent", childNode));
        break;
      case "ForOfStatement":
      case "ForInStatement":
        if (childNode === node.body) levels.push(declarationBindings(node.left as Node, parent));
        break;
      case "ForStatement":
        if (childNode !== node.init && node.init) levels.push(declarationBindings(node.init as Node, parent));
        break;
      case "CatchClause":
        levels.push(patternBindings(node.param as Node | null, null, null, { kind: "local", declarationPath: parent, declaration: node }));
        break;
      default:
        if (isFunctionNode(node)) {
          levels.push(
            (node.params as Node[]).flatMap((param) => patternBindings(param, null, null, { kind: "param", declarationPath: parent as ASTPath, declaration: param })),
          );
          if (sameFunction) return levels;
        }
    }
    child = parent;
    parent = parent.parent as ASTPath | null;
  }
  return levels;
}

/** The nearest binding of `name` visible at `path` (within the enclosing function only, with `sameFunction`). */
export function findBinding(path: ASTPath, name: string, sameFunction = false): Binding | null {
  for (const level of scopeLevels(path, sameFunction)) {
    const found = level.find((b) => b.name === name);
    if (found) return found;
  }
  return null;
}

/**
 * `let auth: Authenticator | null = null;`, `let workspace;`, `auth?: Authenticator`: a binding that may
 * not hold its value yet where the emit goes (it is assigned later, or never).
 */
function mayHoldNothing(binding: Binding): boolean {
  if (binding.optional) return true;
  const declarator = binding.declaration;
  if (binding.kind !== "local" || declarator.type !== "VariableDeclarator") return false;
  // `for (const workspace of all)`: the loop assigns it before its body runs.
  const owner = (binding.declarationPath.node as unknown as Node).type;
  if (owner === "ForOfStatement" || owner === "ForInStatement") return false;
  const init = declarator.init as Node | null | undefined;
  if (!init) return true;
  const value = unwrapExpression(init);
  return value.type === "NullLiteral" || (value.type === "Literal" && value.value === null) || (value.type === "Identifier" && value.name === "undefined");
}

/** Nearest scope first; in one scope a binding with the expected name wins over one with the expected type. */
function findNamedOrTyped(path: ASTPath, name: string, types: readonly string[]): string | null {
  for (const level of scopeLevels(path)) {
    const candidates = level.filter((b) => !mayHoldNothing(b));
    const found = candidates.find((b) => b.name === name) ?? candidates.find((b) => b.typeNames.some((t) => types.includes(t)));
    if (found) return found.name;
  }
  return null;
}

const RESULT_NAME = /(Res|Result)$/;

/** A binding that holds a Result rather than an Authenticator: named so (`authRes`) or read as one in its block. */
function holdsResult(binding: Binding): boolean {
  // A written `: Authenticator` is a fact; only a name or an initialiser can be a Result's.
  if (referencedTypeNames(binding.annotation).includes("Authenticator")) return false;
  if (RESULT_NAME.test(binding.name)) return true;
  const block = binding.kind === "local" ? (binding.declarationPath.parent as ASTPath | null) : binding.declarationPath;
  return block !== null && readsAsResult(block.node, binding.name);
}

const AUTH_NAME = /^auth$|Auth$/;

/** The `.value` a binding is read from: its initialiser, or the object it is destructured from when it is the one `...Auth` name there (`const { workspaceAuth } = authRes.value`). */
function unwrappedFrom(binding: Binding): Node | null {
  if (binding.init) return unwrapAwait(binding.init);
  const declarator = binding.declaration;
  if (declarator.type !== "VariableDeclarator" || (declarator.id as Node).type !== "ObjectPattern" || !declarator.init) return null;
  const authNames = patternBindings(declarator.id as Node, null, null, { kind: "local", declarationPath: binding.declarationPath, declaration: declarator })
    .map((b) => b.name)
    .filter((name) => AUTH_NAME.test(name));
  return authNames.length === 1 && authNames[0] === binding.name ? unwrapAwait(declarator.init as Node) : null;
}

/** `const auth = authRes.value`, `const { workspaceAuth } = authRes.value`: the Authenticator a refused Result binding unwraps to. */
function unwrapsAuthenticatorResult(binding: Binding): boolean {
  const init = unwrappedFrom(binding);
  if (!init || init.type !== "MemberExpression" || init.computed || (init.property as Node).name !== "value") return false;
  const object = init.object as Node;
  if (object.type !== "Identifier") return false;
  const result = findBinding(binding.declarationPath, object.name as string);
  return result !== null && result.typeNames.includes("Authenticator") && holdsResult(result);
}

/** A binding visible at `path` that holds an Authenticator's Result (`authRes`), for reports when no Authenticator is found. */
export function findAuthResultInScope(path: ASTPath): string | null {
  for (const level of scopeLevels(path)) {
    const found = level.find((b) => b.typeNames.includes("Authenticator") && holdsResult(b));
    if (found) return found.name;
  }
  return null;
}

/**
 * An Authenticator visible at `path`: a binding named `auth`, typed (or built as) `Authenticator`,
 * or unwrapped from a Result built so (`const auth = authRes.value`). A binding holding the Result
 * itself (`const authRes = await Authenticator.fromKey(...)`) is never the Authenticator.
 */
export function findAuthInScope(path: ASTPath): string | null {
  for (const level of scopeLevels(path)) {
    const named = level.find((b) => b.name === "auth" && !holdsResult(b) && !mayHoldNothing(b));
    const found = named ?? level.find((b) => !mayHoldNothing(b) && ((b.typeNames.includes("Authenticator") && !holdsResult(b)) || unwrapsAuthenticatorResult(b)));
    if (found) return found.name;
  }
  return null;
}

export const WORKSPACE_TYPES = ["WorkspaceType", "LightWorkspaceType", "WorkspaceResource"] as const;

/** A workspace visible at `path`: a binding named `workspace` or typed as one of `WORKSPACE_TYPES`. */
export function findWorkspaceInScope(path: ASTPath): string | null {
  return findNamedOrTyped(path, "workspace", WORKSPACE_TYPES);
}

/**
 * The Next.js request visible at `path`: a parameter typed `NextApiRequest`, or a parameter named
 * `req` of a function that also takes `res` (a Next.js handler). Hono handlers take `ctx`/`c`
 * and lib functions and Temporal activities take neither, so they get null.
 */
export function findNextRequestInScope(path: ASTPath): string | null {
  for (let fn = enclosingFunction(path); fn; fn = enclosingFunction(fn)) {
    const params = ((fn.node as unknown as Node).params as Node[]).flatMap((param) =>
      patternBindings(param, null, null, { kind: "param", declarationPath: fn as ASTPath, declaration: param }),
    );
    const typed = params.find((b) => b.typeNames.includes("NextApiRequest"));
    if (typed) return typed.name;
    if (params.some((b) => b.name === "req") && params.some((b) => b.name === "res")) return "req";
  }
  return null;
}
