import type { ASTNode, ASTPath } from "jscodeshift";
import type { Node } from "./ast";
import { isStringLiteral } from "./ast";
import { positionOf } from "./location";

/**
 * Recognisers for instrumenting a mutation (docs/specs.md, "Where an emit goes"): which calls are the mutation, the statement
 * holding one, the guards that test its outcome, the response after it, and where its success or
 * failure path begins. Each works on both recast and plain @babel/parser trees and returns either a
 * value or a `Skip` (a reason with the node to point at), never a guess.
 */

/** Why a site is left alone; `node` gives the file:line the report points at. */
export interface Skip {
  skip: string;
  node: ASTNode;
}

export function isSkip(value: unknown): value is Skip {
  return typeof value === "object" && value !== null && typeof (value as Skip).skip === "string";
}

function skip(reason: string, node: ASTNode): Skip {
  return { skip: reason, node };
}

function lineOf(node: unknown): number {
  return positionOf(node as ASTNode).line;
}

// ---------------------------------------------------------------------------------------------
// Mutation patterns: "fn", "Obj.method" (Obj may be dotted: "this.repo"), "*.method".

export type MutationPattern =
  | { kind: "function"; name: string }
  | { kind: "method"; object: string; method: string }
  | { kind: "any-object"; method: string };

const NAME = "[A-Za-z_$][\\w$]*";
const FUNCTION_PATTERN = new RegExp(`^${NAME}$`);
const METHOD_PATTERN = new RegExp(`^(\\*|${NAME}(?:\\.${NAME})*)\\.(${NAME})$`);

/** The parsed pattern, or why the text is not one. */
export function parseMutationPattern(text: string): MutationPattern | string {
  if (FUNCTION_PATTERN.test(text)) return { kind: "function", name: text };
  const m = METHOD_PATTERN.exec(text);
  if (!m) return `expected "fn", "Obj.method" or "*.method", got "${text}"`;
  return m[1] === "*" ? { kind: "any-object", method: m[2] } : { kind: "method", object: m[1], method: m[2] };
}

/** The name a file must contain to hold a matching call: the prefilter's substring. */
export function mutationCalleeName(pattern: MutationPattern): string {
  return pattern.kind === "function" ? pattern.name : pattern.method;
}

export function unwrapExpression(node: Node): Node {
  let n = node;
  while (n.type === "ParenthesizedExpression" || n.type === "TSAsExpression" || n.type === "TSNonNullExpression" || n.type === "TSSatisfiesExpression") {
    n = n.expression as Node;
  }
  return n;
}

/** `a.b.c` for a chain of plain member accesses on an identifier or `this`, else null. */
export function dottedName(node: Node): string | null {
  const n = unwrapExpression(node);
  if (n.type === "Identifier") return n.name as string;
  if (n.type === "ThisExpression") return "this";
  if ((n.type === "MemberExpression" || n.type === "OptionalMemberExpression") && !n.computed) {
    const object = dottedName(n.object as Node);
    const property = n.property as Node;
    return object !== null && property.type === "Identifier" ? `${object}.${property.name as string}` : null;
  }
  return null;
}

function isCall(node: Node): boolean {
  return node.type === "CallExpression" || node.type === "OptionalCallExpression";
}

/** True when `call` invokes what `pattern` names. */
export function matchesMutation(call: Node, pattern: MutationPattern | string): boolean {
  const p = typeof pattern === "string" ? parseMutationPattern(pattern) : pattern;
  if (typeof p === "string" || !isCall(call)) return false;
  const callee = unwrapExpression(call.callee as Node);
  if (p.kind === "function") return callee.type === "Identifier" && callee.name === p.name;
  if ((callee.type !== "MemberExpression" && callee.type !== "OptionalMemberExpression") || callee.computed) return false;
  const property = callee.property as Node;
  if (property.type !== "Identifier" || property.name !== p.method) return false;
  return p.kind === "any-object" || dottedName(callee.object as Node) === p.object;
}

function isFunctionExpression(node: Node | undefined): boolean {
  return node !== undefined && (node.type === "ArrowFunctionExpression" || node.type === "FunctionExpression");
}

/**
 * `app.delete("/:id", async (c) => ...)`, `router.post("/", auth, handler)`: a Hono or Express route
 * registration (a member call whose first argument is a literal path and whose last is a function)
 * declares a handler, it mutates nothing, even when its method is named like a mutation.
 */
export function isRouteRegistration(call: Node): boolean {
  if (!isCall(call)) return false;
  const callee = unwrapExpression(call.callee as Node);
  if (callee.type !== "MemberExpression" && callee.type !== "OptionalMemberExpression") return false;
  const args = call.arguments as Node[];
  if (args.length < 2 || !isFunctionExpression(unwrapExpression(args[args.length - 1]))) return false;
  const first = args[0];
  const path = first.type === "StringLiteral" || (first.type === "Literal" && typeof first.value === "string") ? (first.value as string) : first.type === "TemplateLiteral" && (first.expressions as Node[]).length === 0 ? ((first.quasis as Node[])[0].value as { cooked: string }).cooked : null;
  return path !== null && (path.startsWith("/") || path === "*");
}

// ---------------------------------------------------------------------------------------------
// The mutation statement.

export interface MutationStatement {
  /** The statement holding the call: an expression statement or a one-declarator declaration. */
  statement: ASTPath;
  /** Names the call's result is bound to (`r`, `[count]`, `{ ok }`); empty when it is not kept. */
  binding: string[];
  call: ASTPath;
  /** The call sits in the test of `statement`, an `if` (`if (!(await x()))`, `if ((await x()).isErr())`). */
  inCondition?: boolean;
}

/** Every name a binding pattern declares (`r`, `[n]`, `{ a, b: c }`, `[first, ...rest]`). */
export function patternNames(node: Node | null | undefined): string[] {
  if (!node) return [];
  switch (node.type) {
    case "Identifier":
      return [node.name as string];
    case "ArrayPattern":
      return (node.elements as (Node | null)[]).flatMap((e) => patternNames(e));
    case "ObjectPattern":
      return (node.properties as Node[]).flatMap((p) => (p.type === "RestElement" ? patternNames(p.argument as Node) : patternNames(p.value as Node)));
    case "AssignmentPattern":
      return patternNames(node.left as Node);
    case "RestElement":
      return patternNames(node.argument as Node);
    default:
      return [];
  }
}

const TRANSPARENT_PARENTS = new Set(["AwaitExpression", "ParenthesizedExpression", "TSAsExpression", "TSNonNullExpression", "TSSatisfiesExpression"]);

/** The statement holding the mutation call, or why the call is not a statement of its own. */
export function findMutationStatement(callPath: ASTPath): MutationStatement | Skip {
  let child: ASTPath = callPath;
  let parent = child.parent as ASTPath | null;
  while (parent && TRANSPARENT_PARENTS.has((parent.node as Node).type)) {
    child = parent;
    parent = child.parent as ASTPath | null;
  }
  const call = callPath.node;
  if (!parent) return skip("the mutation call is not inside a statement", call);
  // `space?.archive(auth)`: when the receiver is nullish nothing is mutated, yet the statement after it runs.
  if ((call as Node).type === "OptionalCallExpression") return skip("the mutation is called through optional chaining (`?.`), so it may not run at all; instrument it by hand", call);
  const condition = conditionHolding(child);
  if (condition) return { statement: condition, binding: [], call: callPath, inCondition: true };
  const node = parent.node as Node;
  switch (node.type) {
    case "ExpressionStatement":
      return { statement: parent, binding: [], call: callPath };
    case "VariableDeclarator": {
      if (node.init !== child.node) break;
      const declaration = parent.parent as ASTPath;
      if (((declaration.node as Node).declarations as unknown[]).length !== 1) {
        return skip("the mutation result is declared together with other variables; split the declaration to instrument it", call);
      }
      return { statement: declaration, binding: patternNames(node.id as Node), call: callPath };
    }
    case "AssignmentExpression": {
      const statement = parent.parent as ASTPath | null;
      if (node.operator !== "=" || node.right !== child.node || (statement?.node as Node | undefined)?.type !== "ExpressionStatement") break;
      return { statement: statement!, binding: patternNames(node.left as Node), call: callPath };
    }
    case "ReturnStatement":
      return skip("the mutation result is returned directly, so there is no success path in this function to emit on", call);
    case "ArrowFunctionExpression":
      return skip("the mutation call is the body of an arrow function (a callback)", call);
    default:
      break;
  }
  return skip(`the mutation call is part of a larger expression (${describeParent(node)}), not a statement of its own`, call);
}

/** Expressions through which a condition still reads the call's outcome: `!x`, `x.isErr()`, `x.error`, `x && y`. */
const CONDITION_PARTS = new Set([...TRANSPARENT_PARENTS, "UnaryExpression", "MemberExpression", "OptionalMemberExpression", "CallExpression", "OptionalCallExpression", "LogicalExpression", "BinaryExpression"]);

/** The `if` whose test holds `path` through outcome-reading expressions only, else null. */
function conditionHolding(path: ASTPath): ASTPath | null {
  let child = path;
  let parent = path.parent as ASTPath | null;
  while (parent && CONDITION_PARTS.has((parent.node as Node).type)) {
    const p = parent.node as Node;
    // As an argument (`log(x())`), the call is not what the condition reads.
    if (isCall(p) && p.callee !== child.node) return null;
    // On the right of `&&`/`||` the mutation may not run at all (`if (flag && !(await x()))`).
    if (p.type === "LogicalExpression" && p.left !== child.node) return null;
    child = parent;
    parent = child.parent as ASTPath | null;
  }
  return parent && (parent.node as Node).type === "IfStatement" && (parent.node as Node).test === child.node ? parent : null;
}

function describeParent(node: Node): string {
  switch (node.type) {
    case "CallExpression":
    case "OptionalCallExpression":
    case "NewExpression": {
      const name = dottedName(node.callee as Node);
      return name ? `an argument of ${name}()` : "an argument of a call";
    }
    case "MemberExpression":
    case "OptionalMemberExpression": {
      const property = node.property as Node;
      return property.type === "Identifier" ? `chained with .${property.name as string}()` : "a member access";
    }
    case "IfStatement":
    case "WhileStatement":
    case "ConditionalExpression":
      return "a condition";
    case "LogicalExpression":
    case "BinaryExpression":
    case "UnaryExpression":
      return `an operand of ${node.operator as string}`;
    case "ArrayExpression":
      return "an array element";
    case "ObjectProperty":
    case "Property":
      return "an object property";
    default:
      return node.type;
  }
}

// ---------------------------------------------------------------------------------------------
// Outcome tests and guards.

/** How an `if` test reads the mutation's outcome: true on failure, true on success, or undecidable. */
export type Polarity = "failure" | "success" | "unknown";

const FAILURE_WORDS = new Set(["isErr", "isError", "isFailure", "failed", "error", "err", "errors", "failure"]);
const SUCCESS_WORDS = new Set(["isOk", "isSuccess", "succeeded", "ok", "value", "success", "data"]);

const ERROR_NAME = /^(e|err|error|errors|failure|failed)$|Err(or)?s?$/;

function flip(p: Polarity | null): Polarity | null {
  return p === "failure" ? "success" : p === "success" ? "failure" : p;
}

const NON_CHILD_KEYS = new Set(["loc", "start", "end", "comments", "leadingComments", "trailingComments", "original", "tokens", "extra", "typeAnnotation", "typeParameters", "typeArguments"]);

/** Every name `node` reads as a variable (not property keys or member names), in order, with repeats. */
export function referencedNames(node: unknown, into: string[] = []): string[] {
  if (!node || typeof node !== "object") return into;
  if (Array.isArray(node)) {
    for (const n of node) referencedNames(n, into);
    return into;
  }
  const n = node as Node;
  if (typeof n.type !== "string") return into;
  if (n.type === "Identifier") {
    into.push(n.name as string);
    return into;
  }
  if ((n.type === "MemberExpression" || n.type === "OptionalMemberExpression") && !n.computed) return referencedNames(n.object, into);
  if ((n.type === "ObjectProperty" || n.type === "Property") && !n.computed) return referencedNames(n.value, into);
  for (const key of Object.keys(n)) {
    if (!NON_CHILD_KEYS.has(key)) referencedNames(n[key], into);
  }
  return into;
}

/** Members only a `Result` has: a name read this way holds a Result, not the value it wraps. */
const RESULT_MEMBERS = new Set(["isErr", "isOk", "value", "error"]);

/** True when `name` is read as a Result (`name.isErr()`, `name.value`) anywhere in `node`. */
export function readsAsResult(node: unknown, name: string): boolean {
  if (!node || typeof node !== "object") return false;
  if (Array.isArray(node)) return node.some((n) => readsAsResult(n, name));
  const n = node as Node;
  if (typeof n.type !== "string") return false;
  if ((n.type === "MemberExpression" || n.type === "OptionalMemberExpression") && !n.computed) {
    const object = unwrapExpression(n.object as Node);
    const property = n.property as Node;
    if (object.type === "Identifier" && object.name === name && property.type === "Identifier" && RESULT_MEMBERS.has(property.name as string)) return true;
  }
  return Object.keys(n).some((key) => !NON_CHILD_KEYS.has(key) && readsAsResult(n[key], name));
}

/** True when `node` reads one of `names` (as a variable, not as a property key). */
export function mentionsBinding(node: unknown, names: readonly string[]): boolean {
  return referencedNames(node).some((name) => names.includes(name));
}

function literalKind(node: Node): "zero" | "one" | "nullish" | "false" | "true" | null {
  const n = unwrapExpression(node);
  if ((n.type === "NumericLiteral" || (n.type === "Literal" && typeof n.value === "number")) && (n.value === 0 || n.value === 1)) return n.value === 0 ? "zero" : "one";
  if (n.type === "NullLiteral" || (n.type === "Literal" && n.value === null && !n.regex)) return "nullish";
  if (n.type === "Identifier" && n.name === "undefined") return "nullish";
  if (n.type === "BooleanLiteral" || (n.type === "Literal" && typeof n.value === "boolean")) return n.value ? "true" : "false";
  return null;
}

const MIRROR: Record<string, string> = { "<": ">", ">": "<", "<=": ">=", ">=": "<=" };

function comparisonPolarity(operator: string, literal: "zero" | "one" | "nullish" | "false" | "true"): Polarity {
  const equal = operator === "===" || operator === "==";
  const notEqual = operator === "!==" || operator === "!=";
  if (equal || notEqual) {
    const onEqual: Polarity = literal === "true" ? "success" : literal === "one" ? "unknown" : "failure";
    if (onEqual === "unknown") return "unknown";
    return equal ? onEqual : (flip(onEqual) as Polarity);
  }
  // `n < 1`, `n <= 0` mean nothing was changed; `n > 0`, `n >= 1` mean something was.
  if ((operator === "<" && literal === "one") || (operator === "<=" && literal === "zero")) return "failure";
  if ((operator === ">" && literal === "zero") || (operator === ">=" && literal === "one")) return "success";
  return "unknown";
}

/**
 * What a test reads as the mutation's outcome: the names its result is bound to, or the call itself
 * when the mutation sits in the condition (`if (!(await x()))`).
 */
export interface OutcomeRef {
  names: readonly string[];
  call?: Node | null;
}

function toRef(outcome: readonly string[] | OutcomeRef): OutcomeRef {
  return Array.isArray(outcome) ? { names: outcome as readonly string[] } : (outcome as OutcomeRef);
}

function containsNode(node: unknown, target: Node): boolean {
  if (!node || typeof node !== "object") return false;
  if (node === target) return true;
  if (Array.isArray(node)) return node.some((n) => containsNode(n, target));
  const n = node as Node;
  if (typeof n.type !== "string") return false;
  return Object.keys(n).some((key) => !NON_CHILD_KEYS.has(key) && containsNode(n[key], target));
}

function mentions(node: unknown, ref: OutcomeRef): boolean {
  return mentionsBinding(node, ref.names) || (ref.call ? containsNode(node, ref.call) : false);
}

/** True for the outcome itself: a bound name, or the (awaited) mutation call. */
function isOutcome(node: Node, ref: OutcomeRef): boolean {
  let n = unwrapExpression(node);
  while (n.type === "AwaitExpression") n = unwrapExpression(n.argument as Node);
  return (n.type === "Identifier" && ref.names.includes(n.name as string)) || (ref.call !== undefined && ref.call !== null && n === ref.call);
}

/** How `test` reads the outcome (bound to `names`, or the call itself), or null when it does not mention it. */
export function testPolarity(test: Node, outcome: readonly string[] | OutcomeRef): Polarity | null {
  const ref = toRef(outcome);
  const n = unwrapExpression(test);
  if (!mentions(n, ref)) return null;
  if (ref.call && isOutcome(n, ref)) return "success";
  switch (n.type) {
    case "UnaryExpression":
      return n.operator === "!" ? flip(testPolarity(n.argument as Node, ref)) : "unknown";
    case "Identifier":
      // `const { error } = await x(); if (error)`: a truthy error is the failure.
      return ERROR_NAME.test(n.name as string) ? "failure" : "success";
    case "MemberExpression":
    case "OptionalMemberExpression": {
      // `r.error`, `r.ok`: read directly off the result; deeper paths (`r.value.kind`) say nothing about it.
      const property = n.property as Node;
      if (n.computed || property.type !== "Identifier" || !isOutcome(n.object as Node, ref)) return "unknown";
      const word = property.name as string;
      return FAILURE_WORDS.has(word) ? "failure" : SUCCESS_WORDS.has(word) ? "success" : "unknown";
    }
    case "CallExpression":
    case "OptionalCallExpression": {
      const callee = unwrapExpression(n.callee as Node);
      if ((callee.type !== "MemberExpression" && callee.type !== "OptionalMemberExpression") || callee.computed) return "unknown";
      if (!mentions(callee.object, ref)) return "unknown";
      const word = (callee.property as Node).name as string;
      return FAILURE_WORDS.has(word) ? "failure" : SUCCESS_WORDS.has(word) ? "success" : "unknown";
    }
    case "BinaryExpression": {
      const operator = n.operator as string;
      if (operator === "instanceof") {
        const right = dottedName(n.right as Node) ?? "";
        return /^(Err|Error|\w+Error)$/.test(right) ? "failure" : right === "Ok" ? "success" : "unknown";
      }
      const left = n.left as Node;
      const right = n.right as Node;
      const rightLiteral = literalKind(right);
      if (rightLiteral && mentions(left, ref)) {
        const side = testPolarity(left, ref);
        const base = comparisonPolarity(operator, rightLiteral);
        // `r.isErr() === false` and friends: compose with the side's own reading.
        return side === "failure" && base !== "unknown" ? flip(base) : base;
      }
      const leftLiteral = literalKind(left);
      if (leftLiteral && mentions(right, ref)) return comparisonPolarity(MIRROR[operator] ?? operator, leftLiteral);
      return "unknown";
    }
    case "LogicalExpression": {
      const parts = [testPolarity(n.left as Node, ref), testPolarity(n.right as Node, ref)].filter((p): p is Polarity => p !== null);
      if (n.operator === "||") return parts.every((p) => p === "failure") ? "failure" : parts.every((p) => p === "success") && parts.length === 2 ? "success" : "unknown";
      if (n.operator === "&&") return parts.every((p) => p === "success") ? "success" : parts.includes("failure") ? "failure" : "unknown";
      return "unknown";
    }
    default:
      return "unknown";
  }
}

/** Calls that never return, whatever the config adds: a statement calling one leaves the function. */
export const DEFAULT_NEVER_RETURNS: readonly string[] = ["assertNever", "assertUnreachable", "process.exit"];

/** True for `assertNever(x);`, `process.exit(1);` and the config's `neverReturns`. */
function callsNeverReturning(stmt: Node, neverReturns: readonly string[]): boolean {
  if (stmt.type !== "ExpressionStatement") return false;
  const expression = unwrapExpression(stmt.expression as Node);
  if (!isCall(expression)) return false;
  const name = dottedName(expression.callee as Node);
  return name !== null && (neverReturns.includes(name) || DEFAULT_NEVER_RETURNS.includes(name));
}

/** True when `node` holds a `break` that leaves the statement it is in (not one of an inner loop or switch). */
function breaksOut(node: unknown): boolean {
  if (!node || typeof node !== "object") return false;
  if (Array.isArray(node)) return node.some(breaksOut);
  const n = node as Node;
  if (typeof n.type !== "string") return false;
  if (n.type === "BreakStatement") return !n.label;
  if (LOOPS.has(n.type) || n.type === "SwitchStatement" || FUNCTIONS.has(n.type)) return false;
  return Object.keys(n).some((key) => !NON_CHILD_KEYS.has(key) && breaksOut(n[key]));
}

/** A switch leaves when it has a `default` and every case either falls through or leaves without a `break`. */
function switchLeaves(stmt: Node, neverReturns: readonly string[]): boolean {
  const cases = stmt.cases as Node[];
  if (!cases.some((c) => c.test === null || c.test === undefined)) return false;
  return cases.every((c, i) => {
    const body = c.consequent as Node[];
    if (body.length === 0) return i < cases.length - 1;
    return !breaksOut(body) && body.some((b) => leavesFunction(b, neverReturns));
  });
}

/** True when control never runs past `stmt`: it returns, throws or calls a never-returning function on every path. */
export function leavesFunction(stmt: Node | null | undefined, neverReturns: readonly string[] = DEFAULT_NEVER_RETURNS): boolean {
  if (!stmt) return false;
  switch (stmt.type) {
    case "ReturnStatement":
    case "ThrowStatement":
      return true;
    case "ExpressionStatement":
      return callsNeverReturning(stmt, neverReturns);
    case "BlockStatement":
      return (stmt.body as Node[]).some((s) => leavesFunction(s, neverReturns));
    case "IfStatement":
      return leavesFunction(stmt.consequent as Node, neverReturns) && leavesFunction(stmt.alternate as Node | null, neverReturns);
    case "SwitchStatement":
      return switchLeaves(stmt, neverReturns);
    case "TryStatement": {
      const handler = stmt.handler as Node | null;
      if (stmt.finalizer && leavesFunction(stmt.finalizer as Node, neverReturns)) return true;
      return leavesFunction(stmt.block as Node, neverReturns) && (!handler || leavesFunction(handler.body as Node, neverReturns));
    }
    default:
      return false;
  }
}

/** Which branch of an `if` (or of an `else if` chain) a path runs through: segments for `path.get(...)`. */
export type BranchPath = ("consequent" | "alternate")[];

/** What an `if` after the mutation says about its outcome. */
export type OutcomeCheck =
  /** Tests for failure (or tests it in an unreadable way) and leaves: success continues after it. `failures` counts the leaving branches. */
  | { kind: "guard"; failure: "consequent"; failures: number }
  /** Branches on the outcome: `success`/`failure` name the branch (null: the code after the `if`). */
  | { kind: "branch"; success: BranchPath; failure: BranchPath | null; failures: number }
  /** Tests for failure but does not leave: both paths continue after it. */
  | { kind: "merge" }
  /** Branches with if/else on a test whose meaning is unclear. */
  | { kind: "ambiguous" }
  /** A test whose meaning is unclear leaves with what may be the success (`if (r.status === "created") return r;`). */
  | { kind: "unclear-exit" };

/** The clauses of `if (a) {} else if (b) {} else {}`: each test with its branch, and the final `else`. */
function chainOf(stmt: Node): { tests: Node[]; bodies: Node[]; last: Node | null } {
  const tests: Node[] = [];
  const bodies: Node[] = [];
  let current: Node | null = stmt;
  while (current && current.type === "IfStatement") {
    tests.push(current.test as Node);
    bodies.push(current.consequent as Node);
    current = (current.alternate as Node | null) ?? null;
  }
  return { tests, bodies, last: current };
}

/** An `else if` chain on the outcome: guards in a row written as one statement, or a final `else` that is the success path. */
function classifyChain(stmt: Node, ref: OutcomeRef, neverReturns: readonly string[]): OutcomeCheck {
  const { tests, bodies, last } = chainOf(stmt);
  const polarities = tests.map((t) => testPolarity(t, ref));
  const failures = tests.length;
  if (polarities[0] === "success" && polarities.slice(1).every((p) => p !== null && p !== "success")) {
    return { kind: "branch", success: ["consequent"], failure: null, failures };
  }
  if (polarities.some((p) => p === null || p === "success") || !bodies.every((b) => leavesFunction(b, neverReturns))) return { kind: "ambiguous" };
  if (polarities.some((p, i) => p === "unknown" && !leavesAsFailure([bodies[i]]))) return { kind: "unclear-exit" };
  if (!last) return { kind: "guard", failure: "consequent", failures };
  return { kind: "branch", success: Array.from({ length: tests.length }, () => "alternate" as const), failure: null, failures };
}

/** How an `if` statement checks the outcome (bound to `names`, or the call in its own test), or null when it is not such a check. */
export function classifyOutcomeCheck(stmt: Node, outcome: readonly string[] | OutcomeRef, neverReturns: readonly string[] = DEFAULT_NEVER_RETURNS): OutcomeCheck | null {
  const ref = toRef(outcome);
  if (ref.names.length === 0 && !ref.call) return null;
  if (stmt.type === "ExpressionStatement") return expressionCheck(stmt.expression as Node, ref);
  if (stmt.type !== "IfStatement") return null;
  const polarity = testPolarity(stmt.test as Node, ref);
  if (polarity === null) return null;
  const alternate = stmt.alternate as Node | null;
  if (alternate?.type === "IfStatement") return classifyChain(stmt, ref, neverReturns);
  const consequentLeaves = leavesFunction(stmt.consequent as Node, neverReturns);
  if (polarity === "success") {
    return { kind: "branch", success: ["consequent"], failure: alternate ? ["alternate"] : null, failures: alternate ? 1 : 0 };
  }
  if (alternate) {
    return polarity === "failure" ? { kind: "branch", success: ["alternate"], failure: ["consequent"], failures: 1 } : { kind: "ambiguous" };
  }
  if (consequentLeaves) {
    // An unreadable test is a guard only when its branch leaves as a failure does.
    return polarity === "unknown" && !leavesAsFailure([stmt.consequent as Node]) ? { kind: "unclear-exit" } : { kind: "guard", failure: "consequent", failures: 1 };
  }
  return polarity === "failure" ? { kind: "merge" } : null;
}

/** `r.isErr() && logger.error(...)`, `r.isOk() ? a() : b()`: an outcome test in an expression cannot leave, so both paths carry on. */
function expressionCheck(expression: Node, ref: OutcomeRef): OutcomeCheck | null {
  const test = expressionTest(expression);
  const polarity = test ? testPolarity(test, ref) : null;
  return polarity === "failure" || polarity === "success" ? { kind: "merge" } : null;
}

/** The test of an `if`, or of a statement `a && b` / `a ? b : c`; else null. */
function statementTest(stmt: Node): Node | null {
  if (stmt.type === "IfStatement") return stmt.test as Node;
  return stmt.type === "ExpressionStatement" ? expressionTest(stmt.expression as Node) : null;
}

function expressionTest(expression: Node): Node | null {
  const e = unwrapExpression(expression);
  return e.type === "LogicalExpression" ? (e.left as Node) : e.type === "ConditionalExpression" ? (e.test as Node) : null;
}

/** A guard (docs/specs.md, "Where an emit goes"): an `if` testing the outcome whose branch leaves the function (`if (r.isErr()) return ...`). */
export function isOutcomeGuard(stmt: Node, outcome: readonly string[] | OutcomeRef, neverReturns: readonly string[] = DEFAULT_NEVER_RETURNS): boolean {
  return classifyOutcomeCheck(stmt, outcome, neverReturns)?.kind === "guard";
}

/**
 * What a `switch` on the outcome (`switch (r.status)`, `switch (r.type)`) says. Cases that fall into
 * one another form a group; `failures` are the indexes of the case starting each leaving group.
 */
export type OutcomeSwitch =
  /** Every group leaves but one, which carries on after the switch: success continues after it. */
  | { kind: "guard"; failures: number[] }
  /** One group is labelled as the success (`case "ok":`) and every other group leaves: success starts in it. */
  | { kind: "branch"; success: number; failures: number[] }
  | { kind: "unclear" };

interface CaseGroup {
  /** Index of the group's first case. */
  first: number;
  /** The statements of the group (those of its last case: the others are empty and fall into it). */
  body: Node[];
  labels: (Node | null)[];
}

function caseGroups(cases: Node[]): CaseGroup[] {
  const groups: CaseGroup[] = [];
  let first = 0;
  let labels: (Node | null)[] = [];
  cases.forEach((c, i) => {
    labels.push((c.test as Node | null | undefined) ?? null);
    const body = c.consequent as Node[];
    if (body.length === 0 && i < cases.length - 1) return;
    groups.push({ first, body, labels });
    first = i + 1;
    labels = [];
  });
  return groups;
}

const lowerWords = (words: Set<string>) => new Set([...words].map((w) => w.toLowerCase()));
const SUCCESS_LABELS = lowerWords(SUCCESS_WORDS);
const FAILURE_LABELS = lowerWords(FAILURE_WORDS);

/** How a case's labels read the outcome: `case "ok":` is the success, `case "error":` a failure. */
function labelPolarity(labels: (Node | null)[]): Polarity {
  const words = labels.map((l) => (l && isStringLiteral(l) ? l.value.toLowerCase() : null));
  if (words.some((w) => w !== null && SUCCESS_LABELS.has(w))) return "success";
  if (words.some((w) => w !== null && FAILURE_LABELS.has(w))) return "failure";
  return "unknown";
}

/** The HTTP status a response sets (`res.status(409).json(...)`, `c.json(body, 404)`), else null. */
function responseStatus(expr: Node): number | null {
  let n: Node | null = unwrapExpression(expr);
  if (n.type === "AwaitExpression") n = unwrapExpression(n.argument as Node);
  const numeric = (a: Node | undefined) => (a && (a.type === "NumericLiteral" || (a.type === "Literal" && typeof a.value === "number")) ? (a.value as number) : null);
  const second = isCall(n) ? numeric((n.arguments as Node[])[1]) : null;
  if (second !== null) return second;
  while (n && isCall(n)) {
    const callee = unwrapExpression(n.callee as Node);
    if ((callee.type === "MemberExpression" || callee.type === "OptionalMemberExpression") && (callee.property as Node).name === "status") return numeric((n.arguments as Node[])[0]);
    n = callee.type === "MemberExpression" || callee.type === "OptionalMemberExpression" ? unwrapExpression(callee.object as Node) : null;
  }
  return null;
}

const FAILURE_CALLEE = /(^|[a-z])(Err|Error|err|error)([A-Z]\w*)?$/;

/** A value returned on failure: `new Err(...)`, `apiError(req, res, ...)`, `err(...)`, a response with a 4xx/5xx status. */
function isFailureValue(expr: Node): boolean {
  let n = unwrapExpression(expr);
  if (n.type === "AwaitExpression") n = unwrapExpression(n.argument as Node);
  if (isResponseExpression(n)) {
    const status = responseStatus(n);
    return status !== null && status >= 400;
  }
  if (n.type !== "NewExpression" && !isCall(n)) return false;
  const name = dottedName(n.callee as Node);
  return name !== null && FAILURE_CALLEE.test(name.split(".").at(-1) as string);
}

/** True when every way a case group leaves reads as a failure: a `throw`, a never-returning call, a bare `return`, or a failure value returned. */
function leavesAsFailure(body: Node[]): boolean {
  return !holdsOutsideFunctions(body, (n) => n.type === "ReturnStatement" && n.argument !== null && n.argument !== undefined && !isFailureValue(n.argument as Node));
}

/** True when the group reaches the code after the switch: nothing in it leaves and it ends in `break` (or is the last). */
function carriesOn(group: CaseGroup, isLast: boolean, neverReturns: readonly string[]): boolean {
  if (mayLeave(group.body, neverReturns)) return false;
  const statements = group.body.length === 1 && group.body[0].type === "BlockStatement" ? (group.body[0].body as Node[]) : group.body;
  const last = statements.at(-1);
  return isLast || (last !== undefined && last.type === "BreakStatement" && !last.label);
}

/** How a `switch` tests the outcome: its discriminant must be the outcome or a member read directly off it (`r.status`, not `r.error?.code`). */
export function classifyOutcomeSwitch(stmt: Node, binding: readonly string[], neverReturns: readonly string[] = DEFAULT_NEVER_RETURNS): OutcomeSwitch {
  const ref: OutcomeRef = { names: binding };
  const discriminant = unwrapExpression(stmt.discriminant as Node);
  const member = discriminant.type === "MemberExpression" || discriminant.type === "OptionalMemberExpression";
  const direct = member ? !discriminant.computed && isOutcome(discriminant.object as Node, ref) && !FAILURE_WORDS.has((discriminant.property as Node).name as string) : isOutcome(discriminant, ref);
  if (!direct) return { kind: "unclear" };
  const groups = caseGroups(stmt.cases as Node[]);
  const leaves = groups.map((g) => !breaksOut(g.body) && g.body.some((b) => leavesFunction(b, neverReturns)));
  const carrying = groups.filter((g, i) => carriesOn(g, i === groups.length - 1, neverReturns));
  const polarities = groups.map((g) => labelPolarity(g.labels));
  const failuresBut = (kept: CaseGroup) => groups.filter((g) => g !== kept).map((g) => g.first);
  const othersLeave = (kept: CaseGroup) => groups.every((g, i) => g === kept || leaves[i]);
  // The code after the switch is the success only when every other group leaves as a failure (labelled so, or by what it returns).
  const safeExit = (kept: CaseGroup) => groups.every((g, i) => g === kept || polarities[i] === "failure" || (polarities[i] !== "success" && leavesAsFailure(g.body)));
  if (carrying.length === 1 && othersLeave(carrying[0]) && safeExit(carrying[0]) && labelPolarity(carrying[0].labels) !== "failure") {
    return { kind: "guard", failures: failuresBut(carrying[0]) };
  }
  const labelled = groups.filter((_, i) => polarities[i] === "success");
  if (labelled.length === 1 && labelled[0].body.length > 0 && othersLeave(labelled[0])) {
    return { kind: "branch", success: labelled[0].first, failures: failuresBut(labelled[0]) };
  }
  return { kind: "unclear" };
}

// ---------------------------------------------------------------------------------------------
// Responses.

const RESPONDERS = new Set(["res", "response", "ctx", "c", "context", "reply", "NextResponse", "Response"]);
const RESPONSE_METHODS = new Set(["json", "send", "end", "redirect", "body", "text", "html", "sendStatus", "newResponse"]);
const SUCCESS_RESULTS = new Set(["Ok", "ok"]);

function rootName(node: Node): string | null {
  let n = unwrapExpression(node);
  for (;;) {
    if (n.type === "Identifier") return n.name as string;
    if (isCall(n)) n = unwrapExpression(n.callee as Node);
    else if (n.type === "MemberExpression" || n.type === "OptionalMemberExpression") n = unwrapExpression(n.object as Node);
    else return null;
  }
}

/** True for an expression that answers the request or returns the success result. */
export function isResponseExpression(expr: Node | null | undefined): boolean {
  if (!expr) return false;
  let n = unwrapExpression(expr);
  if (n.type === "AwaitExpression") n = unwrapExpression(n.argument as Node);
  if (n.type === "NewExpression") {
    const name = dottedName(n.callee as Node);
    return name !== null && (SUCCESS_RESULTS.has(name) || name === "Response" || name === "NextResponse");
  }
  if (!isCall(n)) return false;
  const callee = unwrapExpression(n.callee as Node);
  if (callee.type === "Identifier") return SUCCESS_RESULTS.has(callee.name as string);
  if ((callee.type !== "MemberExpression" && callee.type !== "OptionalMemberExpression") || callee.computed) return false;
  const method = (callee.property as Node).name as string;
  const root = rootName(callee);
  return RESPONSE_METHODS.has(method) && root !== null && RESPONDERS.has(root);
}

/** `return res.status(..).json(...)`, `res.status(..).json(...)`, `return ctx.json(...)`, `ctx.body(null, 204)`, `return new Ok(...)`. */
export function isResponse(stmt: Node | null | undefined): boolean {
  if (!stmt) return false;
  if (stmt.type === "ReturnStatement") return isResponseExpression(stmt.argument as Node | null);
  if (stmt.type === "ExpressionStatement") return isResponseExpression(stmt.expression as Node);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Success and failure points.

/** Where a statement goes: before/after an existing statement, or into an empty block. */
export type InsertionPoint = { kind: "before" | "after"; anchor: ASTPath } | { kind: "start"; block: ASTPath };

/** The statements of the list holding `path`, with `path`'s index, or null when it is not in a list. */
function siblingsOf(path: ASTPath): { list: ASTPath; index: number } | null {
  const list = path.parentPath as ASTPath | null;
  if (!list || !Array.isArray(list.value) || typeof path.name !== "number") return null;
  return { list, index: path.name };
}

function statementAt(list: ASTPath, index: number): ASTPath {
  return list.get(index) as ASTPath;
}

/** The start of a branch (an `if` consequent/alternate, a catch body): before its first statement. */
function startOf(branch: ASTPath): InsertionPoint {
  const node = branch.node as Node;
  if (node.type !== "BlockStatement") return { kind: "before", anchor: branch };
  if ((node.body as Node[]).length === 0) return { kind: "start", block: branch };
  return { kind: "before", anchor: branch.get("body", 0) as ASTPath };
}

/** The start of the statements of the case group beginning at `index` (inside its block when the case is one `{ ... }`); the group holds some. */
function startOfCase(switchPath: ASTPath, index: number): InsertionPoint {
  const cases = (switchPath.node as Node).cases as Node[];
  let last = index;
  while ((cases[last].consequent as Node[]).length === 0 && last < cases.length - 1) last++;
  const casePath = switchPath.get("cases", last) as ASTPath;
  const body = cases[last].consequent as Node[];
  if (body.length === 1 && body[0].type === "BlockStatement") return startOf(casePath.get("consequent", 0) as ASTPath);
  return { kind: "before", anchor: casePath.get("consequent", 0) as ASTPath };
}

/** Right after `path`. */
function after(path: ASTPath): InsertionPoint {
  return { kind: "after", anchor: path };
}

/** The `try` whose block directly holds `statement`, if any. */
function enclosingTry(statement: ASTPath): ASTPath | null {
  const block = statement.parent as ASTPath | null;
  const owner = block?.parent as ASTPath | null;
  if (!block || !owner || (block.node as Node).type !== "BlockStatement") return null;
  const tryNode = owner.node as Node;
  return tryNode.type === "TryStatement" && tryNode.block === block.node ? owner : null;
}

interface GuardScan {
  /** The last guard of the run that directly follows the mutation statement. */
  lastGuard: ASTPath | null;
  /** `if` guards, and `switch`es on the outcome whose every case but one leaves. */
  guards: ASTPath[];
  /** An if/else or success-test `if` right after the guards. */
  branch: { path: ASTPath; check: Extract<OutcomeCheck, { kind: "branch" }> } | null;
  /** A `switch` on the outcome whose one success case (`case "ok":`) holds the success path. */
  caseBranch: { path: ASTPath; check: Extract<OutcomeSwitch, { kind: "branch" }> } | null;
  problem: Skip | null;
}

function emptyScan(): GuardScan {
  return { lastGuard: null, guards: [], branch: null, caseBranch: null, problem: null };
}

/** The one check a mutation in an `if` condition gets: that `if` itself. */
function scanCondition(ms: MutationStatement, options: PointOptions): GuardScan {
  const scan = emptyScan();
  const stmt = ms.statement.node as Node;
  const check = classifyOutcomeCheck(stmt, { names: [], call: ms.call.node as Node }, options.neverReturns);
  if (check?.kind === "guard") {
    scan.guards.push(ms.statement);
    scan.lastGuard = ms.statement;
  } else if (check?.kind === "branch") {
    scan.branch = { path: ms.statement, check };
  } else if (check?.kind === "merge") {
    scan.problem = skip(`the check at line ${lineOf(stmt)} tests the outcome of ${options.mutationName} but does not leave the function, so success and failure continue together`, ms.call.node);
  } else {
    scan.problem = skip(`line ${lineOf(stmt)} tests the outcome of ${options.mutationName} in its condition and it is unclear which branch is the success path`, ms.call.node);
  }
  return scan;
}

/**
 * True for a statement the search for guards passes over (`logger.info(...)`, `const elapsed = ...`):
 * it can neither leave the function or its block nor answer the request, and does not rebind the outcome.
 */
function passesOver(stmt: Node, binding: readonly string[], neverReturns: readonly string[]): boolean {
  if (isResponse(stmt) || mayLeave(stmt, neverReturns) || breaksOut(stmt)) return false;
  // A labelled `break`/`continue` may jump out of the block holding the mutation.
  if (holdsOutsideFunctions(stmt, (n) => (n.type === "BreakStatement" || n.type === "ContinueStatement") && !!n.label)) return false;
  return !holdsOutsideFunctions(stmt, (n) => n.type === "AssignmentExpression" && patternNames(n.left as Node).some((name) => binding.includes(name)));
}

/** The skip for an outcome checked at `check` only after `stoppedAt`, a statement that may leave first. */
function checkedAfter(ms: MutationStatement, mutationName: string, check: Node, stoppedAt: Node): Skip {
  return skip(`the outcome of ${mutationName} is checked at line ${lineOf(check)}, after line ${lineOf(stoppedAt)}, which may return, throw, break out or answer the request before it; instrument it by hand`, ms.call.node);
}

/** Tests an alias may keep (`r.isErr()`, `!r.isOk()`, `r.status === "ok"`); a plain read (`r.value`, `r`) keeps a value, not a test. */
const KEPT_TEST_TYPES = new Set(["CallExpression", "OptionalCallExpression", "UnaryExpression", "BinaryExpression", "LogicalExpression"]);

/**
 * `const failed = r.isErr();`: the name a declaration keeps an outcome test in, else null. A helper's
 * test (`const failed = isErrorResult(r)`) counts when a later `if` among `after` reads the name.
 */
function keptOutcomeTest(stmt: Node, binding: readonly string[], after: readonly Node[]): string | null {
  if (stmt.type !== "VariableDeclaration") return null;
  for (const declarator of stmt.declarations as Node[]) {
    const init = declarator.init ? unwrapExpression(declarator.init as Node) : null;
    if (!init || !KEPT_TEST_TYPES.has(init.type)) continue;
    const names = patternNames(declarator.id as Node);
    const polarity = testPolarity(init, binding);
    if (polarity === "failure" || polarity === "success") return names.join(", ");
    const helperTest = polarity === "unknown" && (init.type === "CallExpression" || init.type === "OptionalCallExpression");
    if (helperTest && after.some((s) => s.type === "IfStatement" && mentionsBinding(s.test as Node, names))) return names.join(", ");
  }
  return null;
}

/** Walks the statements after the mutation: the run of guards (past statements that cannot leave), then a branch on the outcome, if any. */
function scanOutcomeChecks(ms: MutationStatement, options: PointOptions): GuardScan {
  if (ms.inCondition) return scanCondition(ms, options);
  const { mutationName } = options;
  const neverReturns = options.neverReturns ?? DEFAULT_NEVER_RETURNS;
  const scan = emptyScan();
  const siblings = siblingsOf(ms.statement);
  if (!siblings || ms.binding.length === 0) return scan;
  const list = siblings.list.value as unknown as Node[];
  // The first statement that may leave or answer before the outcome is checked: the run of guards ends there.
  let stoppedAt: Node | null = null;
  for (let i = siblings.index + 1; i < list.length; i++) {
    const path = statementAt(siblings.list, i);
    if (list[i].type === "SwitchStatement" && mentionsBinding(list[i].discriminant, ms.binding)) {
      if (stoppedAt) {
        scan.problem = checkedAfter(ms, mutationName, list[i], stoppedAt);
        return scan;
      }
      const check = classifyOutcomeSwitch(list[i], ms.binding, neverReturns);
      if (check.kind === "guard") {
        scan.guards.push(path);
        scan.lastGuard = path;
        continue;
      }
      if (check.kind === "branch") {
        scan.caseBranch = { path, check };
        return scan;
      }
      // Which cases are the success path is a guess: `switch (r.error?.code)`, several cases that carry on.
      scan.problem = skip(`line ${lineOf(list[i])} switches on the outcome of ${mutationName}, and which cases are the success path is unclear; instrument it by hand`, ms.call.node);
      return scan;
    }
    const kept = keptOutcomeTest(list[i], ms.binding, list.slice(i + 1));
    if (kept) {
      scan.problem = skip(`line ${lineOf(list[i])} keeps a test of the outcome of ${mutationName} in \`${kept}\`, and checks made through it are not followed; instrument it by hand`, ms.call.node);
      return scan;
    }
    const check = classifyOutcomeCheck(list[i], ms.binding, neverReturns);
    if (stoppedAt) {
      // A failure test further down, after a statement that may leave: the success path is not where it seems.
      if (check && (check.kind === "guard" || check.kind === "merge") && testPolarity(statementTest(list[i]) as Node, ms.binding) === "failure") {
        scan.problem = checkedAfter(ms, mutationName, list[i], stoppedAt);
      }
      continue;
    }
    if (check?.kind === "guard") {
      scan.guards.push(path);
      scan.lastGuard = path;
      continue;
    }
    if (check?.kind === "branch") {
      scan.branch = { path, check };
      return scan;
    }
    if (check?.kind === "merge") {
      scan.problem = skip(`the check at line ${lineOf(list[i])} tests the outcome of ${mutationName} but does not leave the function, so success and failure continue together`, ms.call.node);
      return scan;
    }
    if (check?.kind === "ambiguous") {
      scan.problem = skip(`line ${lineOf(list[i])} branches on the outcome of ${mutationName} with if/else and it is unclear which branch is the success path`, ms.call.node);
      return scan;
    }
    if (check?.kind === "unclear-exit") {
      scan.problem = skip(`line ${lineOf(list[i])} tests the outcome of ${mutationName} in a way that is neither a failure nor a success test, and leaves with what may be the success (a returned value or a 2xx response); instrument it by hand`, ms.call.node);
      return scan;
    }
    if (!passesOver(list[i], ms.binding, neverReturns)) stoppedAt = list[i];
  }
  return scan;
}

export interface PointOptions {
  /** Display name of the mutation in reasons (`space.delete`). */
  mutationName: string;
  /** The spec says the outcome must be checked (`guard: required`). */
  guardRequired?: boolean;
  /** Calls that never return besides the built-in ones (config `neverReturns`). */
  neverReturns?: readonly string[];
}

/**
 * AUDIT4's success point: after every guard that follows the mutation; at the start of the success
 * branch when the code branches on the outcome; right after the `try` when the mutation sits in a
 * `try` whose `catch` leaves the function (unless the `try` itself answers the request).
 */
export function findSuccessPoint(ms: MutationStatement, options: PointOptions): InsertionPoint | Skip {
  const scan = scanOutcomeChecks(ms, options);
  if (scan.problem) return scan.problem;
  if (scan.branch) {
    return startOf(scan.branch.path.get(...scan.branch.check.success) as ASTPath);
  }
  if (scan.caseBranch) return startOfCase(scan.caseBranch.path, scan.caseBranch.check.success);
  const tryPath = enclosingTry(ms.statement);
  const handler = tryPath ? ((tryPath.node as Node).handler as Node | null) : null;
  const checked = scan.guards.length > 0 || handler !== null;
  if (options.guardRequired && !checked) {
    const what = ms.binding.length > 0 ? `the result of ${options.mutationName} (${ms.binding.join(", ")}) is never checked` : `the result of ${options.mutationName} is not kept, so it is never checked`;
    return skip(`${what}, and the spec requires a guard`, ms.call.node);
  }
  const last = scan.lastGuard ?? ms.statement;
  if (tryPath && handler && leavesFunction(handler.body as Node, options.neverReturns) && !answersAfter(last, options.neverReturns)) return after(tryPath);
  return after(last);
}

/** True when a statement after `path` in its list answers the request or leaves the function. */
function answersAfter(path: ASTPath, neverReturns?: readonly string[]): boolean {
  const siblings = siblingsOf(path);
  if (!siblings) return false;
  const list = siblings.list.value as unknown as Node[];
  return list.slice(siblings.index + 1).some((s) => isResponse(s) || leavesFunction(s, neverReturns));
}

/**
 * For `outcome: failure`: the start of the one failure path, the failure branch of the guard
 * (or of an if/else on the outcome) or the `catch` of the `try` holding the mutation.
 */
export function findFailurePoint(ms: MutationStatement, options: PointOptions): InsertionPoint | Skip {
  const scan = scanOutcomeChecks(ms, options);
  if (scan.problem) return scan.problem;
  const candidates: { line: number; point: InsertionPoint }[] = [];
  for (const guard of scan.guards) {
    const line = lineOf(guard.node);
    const outcomeSwitch = (guard.node as Node).type === "SwitchStatement" ? classifyOutcomeSwitch(guard.node as Node, ms.binding, options.neverReturns) : null;
    if (outcomeSwitch) {
      for (const index of outcomeSwitch.kind === "unclear" ? [] : outcomeSwitch.failures) candidates.push({ line: lineOf((guard.node as Node).cases && ((guard.node as Node).cases as Node[])[index]), point: startOfCase(guard, index) });
      continue;
    }
    const check = classifyOutcomeCheck(guard.node as Node, { names: ms.binding, call: ms.inCondition ? (ms.call.node as Node) : null }, options.neverReturns);
    const failures = check?.kind === "guard" ? check.failures : 1;
    for (let k = 0; k < failures; k++) candidates.push({ line, point: startOf(guard.get("consequent") as ASTPath) });
  }
  if (scan.branch) {
    const { failure, failures } = scan.branch.check;
    const line = lineOf(scan.branch.path.node);
    if (failures > 1) for (let k = 0; k < failures; k++) candidates.push({ line, point: after(scan.branch.path) });
    else if (failure !== null) candidates.push({ line, point: startOf(scan.branch.path.get(...failure) as ASTPath) });
    else if (leavesFunction((scan.branch.path.node as Node).consequent as Node, options.neverReturns)) candidates.push({ line, point: after(scan.branch.path) });
  }
  if (scan.caseBranch) {
    const cases = (scan.caseBranch.path.node as Node).cases as Node[];
    for (const index of scan.caseBranch.check.failures) candidates.push({ line: lineOf(cases[index]), point: startOfCase(scan.caseBranch.path, index) });
  }
  const tryPath = enclosingTry(ms.statement);
  if (tryPath && (tryPath.node as Node).handler) {
    const handler = tryPath.get("handler") as ASTPath;
    candidates.push({ line: lineOf(handler.node), point: startOf(handler.get("body") as ASTPath) });
  }
  if (candidates.length === 0) {
    return skip(`no failure path: the outcome of ${options.mutationName} is never checked and the call is not in a try/catch`, ms.call.node);
  }
  if (candidates.length > 1) {
    const lines = [...new Set(candidates.map((c) => c.line))];
    return skip(`several failure paths for ${options.mutationName} (${lines.length > 1 ? `lines ${lines.join(", ")}` : `the branches of the if/else if chain at line ${lines[0]}`}); instrument it by hand`, ms.call.node);
  }
  return candidates[0].point;
}

// ---------------------------------------------------------------------------------------------
// Loops and callbacks between the mutation and its function.

const LOOPS = new Set(["ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"]);
const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression", "ObjectMethod", "ClassMethod", "ClassPrivateMethod", "MethodDefinition"]);

/** The loop holding `path` inside its own function, or null. */
export function enclosingLoop(path: ASTPath): ASTPath | null {
  for (let p = path.parent as ASTPath | null; p; p = p.parent as ASTPath | null) {
    const type = (p.node as Node).type;
    if (FUNCTIONS.has(type)) return null;
    if (LOOPS.has(type)) return p;
  }
  return null;
}

/** When `fn` is a function passed as an argument, the call it is passed to; else null. */
export function callbackCall(fn: ASTPath): ASTPath | null {
  const node = fn.node as Node;
  if (node.type !== "ArrowFunctionExpression" && node.type !== "FunctionExpression") return null;
  let child: ASTPath = fn;
  let parent = fn.parent as ASTPath | null;
  while (parent && TRANSPARENT_PARENTS.has((parent.node as Node).type)) {
    child = parent;
    parent = child.parent as ASTPath | null;
  }
  if (!parent) return null;
  const p = parent.node as Node;
  if ((isCall(p) || p.type === "NewExpression") && (p.arguments as Node[]).includes(child.node as Node)) return parent;
  return null;
}

/** Callees whose callbacks run once per element or concurrently: emitting there is never one event. */
export const ITERATING_CALLEES = new Set(["map", "forEach", "flatMap", "filter", "reduce", "some", "every", "find", "findIndex", "all", "allSettled", "concurrentExecutor", "mapSeries", "forEachSeries", "eachSeries", "each", "eachLimit", "mapLimit", "pMap", "times"]);

/** The method or function name a call invokes (`map`, `concurrentExecutor`), else null. */
export function calleeName(call: Node): string | null {
  const callee = unwrapExpression(call.callee as Node);
  if (callee.type === "Identifier") return callee.name as string;
  if ((callee.type === "MemberExpression" || callee.type === "OptionalMemberExpression") && !callee.computed) return ((callee.property as Node).name as string) ?? null;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Free names of a spec expression.

/** Names `node` reads that it does not bind itself: the parameters and locals of its arrows are not free (`xs.map((g) => g.sId)`). */
export function freeNames(node: unknown): string[] {
  const into: string[] = [];
  collectFree(node, new Set(), into);
  return [...new Set(into)];
}

/** Every name a function binds for its body: parameters and declarations (outside nested functions). */
function functionBindings(fn: Node): string[] {
  const names = (fn.params as Node[]).flatMap((p) => patternNames(p));
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (typeof n.type !== "string" || FUNCTIONS.has(n.type)) return;
    if (n.type === "VariableDeclarator") names.push(...patternNames(n.id as Node));
    for (const key of Object.keys(n)) if (!NON_CHILD_KEYS.has(key)) visit(n[key]);
  };
  visit(fn.body);
  return names;
}

function collectFree(node: unknown, bound: ReadonlySet<string>, into: string[]): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const n of node) collectFree(n, bound, into);
    return;
  }
  const n = node as Node;
  if (typeof n.type !== "string") return;
  if (n.type === "Identifier") {
    if (!bound.has(n.name as string)) into.push(n.name as string);
    return;
  }
  if ((n.type === "MemberExpression" || n.type === "OptionalMemberExpression") && !n.computed) return collectFree(n.object, bound, into);
  if ((n.type === "ObjectProperty" || n.type === "Property") && !n.computed) return collectFree(n.value, bound, into);
  if (FUNCTIONS.has(n.type)) return collectFree(n.body, new Set([...bound, ...functionBindings(n)]), into);
  for (const key of Object.keys(n)) {
    if (!NON_CHILD_KEYS.has(key)) collectFree(n[key], bound, into);
  }
}

// ---------------------------------------------------------------------------------------------
// Moving the success point past the declarations the emit needs.

/** The names a statement declares for the statements after it. */
export function declaredNames(stmt: Node): string[] {
  const s = stmt.type === "ExportNamedDeclaration" && stmt.declaration ? (stmt.declaration as Node) : stmt;
  if (s.type === "VariableDeclaration") return (s.declarations as Node[]).flatMap((d) => patternNames(d.id as Node));
  if ((s.type === "FunctionDeclaration" || s.type === "ClassDeclaration") && s.id) return [(s.id as Node).name as string];
  return [];
}

/** True when `node` can leave the function: a `return`, a `throw` or a never-returning call outside nested functions. */
function mayLeave(node: unknown, neverReturns: readonly string[]): boolean {
  return holdsOutsideFunctions(node, (n) => n.type === "ReturnStatement" || n.type === "ThrowStatement" || callsNeverReturning(n, neverReturns));
}

/** True when a node for which `test` holds lies in `node`, outside nested functions. */
function holdsOutsideFunctions(node: unknown, test: (n: Node) => boolean): boolean {
  if (!node || typeof node !== "object") return false;
  if (Array.isArray(node)) return node.some((n) => holdsOutsideFunctions(n, test));
  const n = node as Node;
  if (typeof n.type !== "string" || FUNCTIONS.has(n.type)) return false;
  return test(n) || Object.keys(n).some((key) => !NON_CHILD_KEYS.has(key) && holdsOutsideFunctions(n[key], test));
}

/** True when a `return` may end callback `fn` before its last statement: a failure the code after its wrapper must then check. */
export function returnsEarly(fn: Node): boolean {
  const body = fn.body as Node;
  if (body.type !== "BlockStatement") return false;
  const statements = body.body as Node[];
  const last = statements.at(-1);
  const holdsReturn = (n: unknown) => holdsOutsideFunctions(n, (s) => s.type === "ReturnStatement");
  return statements.slice(0, -1).some(holdsReturn) || (last !== undefined && last.type !== "ReturnStatement" && holdsReturn(last));
}

export interface MovedPoint {
  point: InsertionPoint;
  /** Names no statement of the block declares before `stoppedAt` (or its end). */
  missing: string[];
  /** The response, return or throw the point could not pass, if it had to stop there. */
  stoppedAt: Node | null;
  /** A check that may leave, right after the declarations passed, testing a name they declare (`if (!group) return ...`). */
  checkedAt: { statement: Node; name: string } | null;
}

/**
 * Moves `point` forward past the statements of its own block that declare `names`
 * (`const group = groupRes.value;`), never past a response or anything that may return or throw.
 */
export function moveAfterDeclarations(point: InsertionPoint, names: readonly string[], neverReturns: readonly string[] = DEFAULT_NEVER_RETURNS): MovedPoint {
  const missing = new Set(names);
  if (point.kind === "start") return { point, missing: [...missing], stoppedAt: null, checkedAt: null };
  const siblings = siblingsOf(point.anchor);
  if (!siblings) return { point, missing: [...missing], stoppedAt: null, checkedAt: null };
  const list = siblings.list.value as unknown as Node[];
  let last = -1;
  let stoppedAt: Node | null = null;
  for (let i = point.kind === "after" ? siblings.index + 1 : siblings.index; i < list.length && missing.size > 0; i++) {
    if (isResponse(list[i]) || mayLeave(list[i], neverReturns)) {
      stoppedAt = list[i];
      break;
    }
    const declared = declaredNames(list[i]).filter((name) => missing.has(name));
    for (const name of declared) missing.delete(name);
    if (declared.length > 0) last = i;
  }
  const moved = last >= 0 ? after(statementAt(siblings.list, last)) : point;
  // Emitting before `if (!group) return ...` would read a value not yet known to be there (a test for absence or failure).
  const passed = names.filter((name) => !missing.has(name));
  const next = last >= 0 ? list[last + 1] : undefined;
  const checkedName = next && next.type === "IfStatement" && mayLeave(next, neverReturns) ? passed.find((name) => testPolarity(next.test as Node, [name]) === "failure") : undefined;
  const checkedAt = next && checkedName ? { statement: next, name: checkedName } : null;
  return { point: moved, missing: [...missing], stoppedAt: missing.size > 0 ? stoppedAt : null, checkedAt };
}

/** `const reason = ...` later in the block of `point`: the emit there would read `reason` before its declaration (its temporal dead zone). */
export function declaredLaterInBlock(point: InsertionPoint, names: readonly string[]): NestedAssignment | null {
  const siblings = point.kind === "start" ? null : siblingsOf(point.anchor);
  if (!siblings || point.kind === "start") return null;
  const list = siblings.list.value as unknown as Node[];
  for (let i = point.kind === "after" ? siblings.index + 1 : siblings.index; i < list.length; i++) {
    const name = declaredNames(list[i]).find((declared) => names.includes(declared));
    if (name) return { name, statement: list[i] };
  }
  return null;
}

/** A name the emit reads that a statement after it assigns anew, inside another statement. */
export interface NestedAssignment {
  name: string;
  statement: Node;
}

/** True when `stmt` assigns `name` (`name = ...`, `({ name } = ...)`, `name++`) outside nested functions. */
function assigns(stmt: Node, name: string): boolean {
  return holdsOutsideFunctions(stmt, (n) =>
    (n.type === "AssignmentExpression" && patternNames(n.left as Node).includes(name)) || (n.type === "UpdateExpression" && (n.argument as Node).type === "Identifier" && (n.argument as Node).name === name),
  );
}

/**
 * `let reason = "unknown"; ... reason = r.value.reason;`: the point moves past each assignment, in
 * the same block and before the response or a return, of a name the emit reads, so the event
 * carries the value the code goes on with; an assignment nested in another statement is reported.
 */
export function moveAfterAssignments(point: InsertionPoint, names: readonly string[], neverReturns: readonly string[] = DEFAULT_NEVER_RETURNS): { point: InsertionPoint; nested: NestedAssignment | null } {
  const siblings = point.kind === "start" ? null : siblingsOf(point.anchor);
  if (!siblings || point.kind === "start") return { point, nested: null };
  const list = siblings.list.value as unknown as Node[];
  let last = -1;
  for (let i = point.kind === "after" ? siblings.index + 1 : siblings.index; i < list.length; i++) {
    if (isResponse(list[i]) || mayLeave(list[i], neverReturns)) break;
    const assigned = names.filter((name) => assigns(list[i], name));
    if (assigned.length === 0) continue;
    const expression = list[i].type === "ExpressionStatement" ? unwrapExpression(list[i].expression as Node) : null;
    const plain = expression !== null && (expression.type === "AssignmentExpression" || expression.type === "UpdateExpression");
    if (!plain) return { point, nested: { name: assigned[0], statement: list[i] } };
    last = i;
  }
  return { point: last >= 0 ? after(statementAt(siblings.list, last)) : point, nested: null };
}

// ---------------------------------------------------------------------------------------------
// Several matching calls in one function.

/**
 * How two mutation statements of one function relate: on separate branches (`case`s of a switch
 * that do not fall through, the two sides of an if/else), in sequence in one block, or neither.
 */
export type SiteRelation = "exclusive" | "sequence" | "ambiguous";

function caseEnds(switchCase: Node, neverReturns: readonly string[]): boolean {
  const body = switchCase.consequent as Node[];
  const lastStatement = body.length === 1 && body[0].type === "BlockStatement" ? ((body[0].body as Node[]).at(-1) ?? null) : (body.at(-1) ?? null);
  return lastStatement !== null && (lastStatement.type === "BreakStatement" || leavesFunction(lastStatement, neverReturns));
}

export function relateStatements(a: ASTPath, b: ASTPath, neverReturns: readonly string[] = DEFAULT_NEVER_RETURNS): SiteRelation {
  const chainA: ASTPath[] = [];
  for (let p: ASTPath | null = a; p; p = p.parent as ASTPath | null) chainA.push(p);
  const nodesA = chainA.map((p) => p.node);
  let previous: ASTPath | null = null;
  for (let p: ASTPath | null = b; p; previous = p, p = p.parent as ASTPath | null) {
    const index = nodesA.indexOf(p.node);
    if (index < 0) continue;
    const childA = index > 0 ? chainA[index - 1] : null;
    const childB = previous;
    if (!childA || !childB) return "ambiguous";
    const common = p.node as Node;
    if (common.type === "IfStatement") {
      const sides = new Set([childA.name, childB.name]);
      return sides.has("consequent") && sides.has("alternate") ? "exclusive" : "ambiguous";
    }
    if (common.type === "SwitchStatement") {
      const cases = common.cases as Node[];
      const first = Math.min(cases.indexOf(childA.node as Node), cases.indexOf(childB.node as Node));
      return caseEnds(cases[first], neverReturns) ? "exclusive" : "ambiguous";
    }
    const inList = common.type === "BlockStatement" || common.type === "Program" || common.type === "SwitchCase" || common.type === "StaticBlock";
    return inList && childA === a && childB === b ? "sequence" : "ambiguous";
  }
  return "ambiguous";
}
