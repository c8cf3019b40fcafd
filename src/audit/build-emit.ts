import type { ExpressionKind as Expression, StatementKind as Statement } from "ast-types/lib/gen/kinds";
import type { ASTPath } from "jscodeshift";
import type { Node } from "./ast";
import { emitFunctionFor } from "./emit";
import { ensureAuditImport } from "./imports";
import { isProvablyString, stringifyValue } from "./metadata";
import { forgetOffsets, parseExpression, printNode } from "./snippets";
import { buildResourceTarget, buildWorkspaceTarget } from "./targets";
import type { StepContext } from "./types";

/*
 * The canonical emit of docs/rules.md, written as text in the file's own indentation and parsed, so
 * recast prints it exactly so (a node built with builders would be printed generically: objects
 * broken over lines, no trailing commas).
 */

/** Who the event is about: the `Authenticator` in scope (with the Next.js request, for context), or a workspace and a system actor. */
export type EmitSubject =
  | { kind: "auth"; auth: string; req: string | null }
  | { kind: "direct"; workspace: string; actor: { type: string; id: string; name?: string } };

export interface EmitRequest {
  action: string;
  subject: EmitSubject;
  /** One target per entry after the workspace target; `resource` is source text. */
  targets: { type: string; resource: string }[];
  /** Key -> value source text, keys as written. */
  metadata: Record<string, string>;
  /** A path at the place the emit will run: names in metadata values are looked up from here. */
  scope: ASTPath;
}

/**
 * The indentation step of a file: a tab when most indented lines start with one, else the most
 * common increase in leading spaces from one line to the next (2 when nothing is indented).
 */
export function indentUnit(source: string): string {
  const lines = source.split("\n").filter((line) => line.trim() !== "");
  const tabbed = lines.filter((line) => line.startsWith("\t")).length;
  const spaced = lines.filter((line) => line.startsWith(" ")).length;
  if (tabbed > spaced) return "\t";
  const counts = new Map<number, number>();
  let previous = 0;
  for (const line of lines) {
    const width = /^ */.exec(line)![0].length;
    const step = width - previous;
    if (step > 0 && step <= 8) counts.set(step, (counts.get(step) ?? 0) + 1);
    previous = width;
  }
  let best = 2;
  let seen = 0;
  for (const [step, count] of counts) {
    if (count > seen || (count === seen && step < best)) [best, seen] = [step, count];
  }
  return " ".repeat(best);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function keyText(ctx: StepContext, key: string): string {
  return IDENTIFIER.test(key) ? key : printNode(ctx, ctx.j.stringLiteral(key));
}

/** `key: value`, or the shorthand `key` when the value is that very name. */
export function member(ctx: StepContext, key: string, value: string): string {
  return value === key && IDENTIFIER.test(key) ? key : `${keyText(ctx, key)}: ${value}`;
}

function stringText(ctx: StepContext, text: string): string {
  return printNode(ctx, ctx.j.stringLiteral(text));
}

/** A metadata value as written in the emit: the spec's expression, in `String(...)` unless provably a string (AUDIT5). */
function metadataValue(ctx: StepContext, scope: ASTPath, text: string): string {
  const value = parseExpression(ctx, text);
  return printNode(ctx, isProvablyString(scope, value) ? value : stringifyValue(ctx.j, value));
}

/**
 * The emit statement for `request`, ready to insert: `void emitAuditLogEvent({ auth, action,
 * targets: [workspace, ...], context, metadata })` or its direct form with `workspace` and
 * `actor`. The audit-module imports it uses are added or merged.
 */
export function buildEmit(ctx: StepContext, request: EmitRequest): Statement {
  const { subject } = request;
  const unit = indentUnit(ctx.source);
  const emitName = ensureAuditImport(ctx, emitFunctionFor(ctx.conventions.module.emitFunctions, subject.kind));

  const head: string[] = [];
  let context: string;
  let workspace: Expression;
  if (subject.kind === "auth") {
    head.push(member(ctx, "auth", subject.auth), `action: ${stringText(ctx, request.action)}`);
    const getContext = ensureAuditImport(ctx, "getAuditLogContext");
    context = `${getContext}(${subject.req ? `${subject.auth}, ${subject.req}` : subject.auth})`;
    workspace = parseExpression(ctx, `${subject.auth}.getNonNullableWorkspace()`);
  } else {
    const { actor } = subject;
    const actorFields = [`type: ${stringText(ctx, actor.type)}`, `id: ${stringText(ctx, actor.id)}`];
    if (actor.name !== undefined) actorFields.push(`name: ${stringText(ctx, actor.name)}`);
    head.push(member(ctx, "workspace", subject.workspace), `action: ${stringText(ctx, request.action)}`, `actor: { ${actorFields.join(", ")} }`);
    context = "{ location: " + stringText(ctx, "internal") + " }";
    workspace = parseExpression(ctx, subject.workspace);
  }

  const workspaceTarget = buildWorkspaceTarget(ctx, workspace);
  // The subject's workspace is a binding or `<auth>.getNonNullableWorkspace()`, which a literal may read twice.
  if (!workspaceTarget.ok) throw new Error(`instrument: ${workspaceTarget.reason}`);
  const targets = [workspaceTarget.target, ...request.targets.map((t) => buildResourceTarget(ctx, t.type, parseExpression(ctx, t.resource)))];
  const metadata = Object.entries(request.metadata).map(([key, text]) => member(ctx, key, metadataValue(ctx, request.scope, text)));

  const lines = [`void ${emitName}({`, ...head.map((h) => `${unit}${h},`), `${unit}targets: [`];
  for (const target of targets) lines.push(...indentBlock(`${printNode(ctx, target)},`, unit + unit));
  lines.push(`${unit}],`, `${unit}context: ${context},`);
  if (metadata.length > 0) {
    lines.push(`${unit}metadata: {`);
    for (const entry of metadata) lines.push(...indentBlock(`${entry},`, unit + unit));
    lines.push(`${unit}},`);
  }
  lines.push("});");
  return parseStatement(ctx, lines.join("\n"));
}

/** Indents every line of a (possibly multi-line) piece of code. */
function indentBlock(text: string, indent: string): string[] {
  return text.split("\n").map((line) => indent + line);
}

// recast spaces a statement from its neighbours by the blank lines around it in its own text: these
// set the emit apart by one blank line, as the code base writes emits (none at a block's start or end).
export function parseStatement(ctx: StepContext, text: string): Statement {
  const program = ctx.j(`\n\n${text}\n\n`).get().node.program as { body: Node[] };
  const statement = program.body[0];
  forgetOffsets(statement);
  return statement as unknown as Statement;
}
