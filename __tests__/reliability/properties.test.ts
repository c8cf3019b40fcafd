import fc from "fast-check";
import { diffArrays } from "diff";
import { emitCalleeName } from "../../src/audit/emit";
import { isAuditModuleSource } from "../../src/audit/imports";
import { FIXERS } from "../../src/audit/transforms";
import { DEFAULT_CONVENTIONS, type AuditConventions } from "../../src/audit/types";
import { assertParses, babelParse, describeSyntaxError, parserFor } from "../../src/engine/parse";
import type { StepSpec } from "../../src/engine/pipeline";
import { transformSource } from "../../src/engine/transform-source";

/**
 * Property tests: generated handlers (Next.js, Hono, Temporal activities, Result-returning lib
 * functions) with emits in random shapes go through every fixer in FIXERS, alone and all in order.
 * Every output parses, a second run changes nothing, and only lines of emit statements and of
 * audit-module imports differ from the input.
 */

const SEED = 20_250_114;
const RUNS = 120;
const MODULE = DEFAULT_CONVENTIONS.auditModuleSpecifier;

// ---- generators -------------------------------------------------------------------------------

const resource = fc.constantFrom("space", "agent", "trigger", "group", "api_key");
const verb = fc.constantFrom("created", "updated", "deleted", "archived");
const metadataValue = fc.constantFrom("space.name", "space.kind", "String(count)", "count", "count + 1", '"literal"', "`tpl-${space.sId}`", "isPublic", "space.members.length", "ids.join(\",\")", "JSON.stringify(body)", "space.createdAt.toString()", "body.reason ?? \"none\"");
const metadataKey = fc.constantFrom("space_kind", "previous_name", "member_count", "reason", "is_public", "ids");

interface EventShape {
  direct: boolean;
  action: string;
  targets: string[];
  context: "none" | "auth" | "auth-req" | "internal";
  metadata: [string, string][] | null;
  multiline: boolean;
}

const targetFor = (direct: boolean) =>
  fc.constantFrom(
    direct ? "buildWorkspaceTarget(workspace)" : "buildWorkspaceTarget(auth.getNonNullableWorkspace())",
    '{ type: "space", id: space.sId, name: space.name }',
    'buildAuditLogTarget("space", space)',
    '{ type: "user", id: user.sId, name: user.fullName() }',
    direct ? '{ type: "workspace", id: workspace.sId, name: workspace.name }' : "buildWorkspaceTarget(owner)",
  );

const eventShape = (direct: boolean, hasReq: boolean): fc.Arbitrary<EventShape> =>
  fc.record({
    direct: fc.constant(direct),
    action: fc.tuple(resource, verb).map(([r, v]) => `${r}.${v}`),
    targets: fc.array(targetFor(direct), { maxLength: 3 }),
    context: direct ? fc.constantFrom("none" as const, "internal" as const) : fc.constantFrom(...(hasReq ? (["none", "auth", "auth-req"] as const) : (["none", "auth"] as const))),
    metadata: fc.option(fc.uniqueArray(fc.tuple(metadataKey, metadataValue), { maxLength: 3, selector: ([k]) => k }), { nil: null }),
    multiline: fc.boolean(),
  });

function printEvent(e: EventShape, indent: string): string {
  const fields: string[] = [e.direct ? "workspace" : "auth", `action: "${e.action}"`];
  if (e.direct) fields.push('actor: { type: "system", id: "temporal", name: "Temporal" }');
  fields.push(`targets: [${e.targets.join(", ")}]`);
  if (e.context === "auth") fields.push("context: getAuditLogContext(auth)");
  if (e.context === "auth-req") fields.push("context: getAuditLogContext(auth, req)");
  if (e.context === "internal") fields.push('context: { location: "internal" }');
  if (e.metadata) fields.push(`metadata: { ${e.metadata.map(([k, v]) => `${k}: ${v}`).join(", ")} }`);
  const inner = `${indent}  `;
  return e.multiline ? `{\n${fields.map((f) => `${inner}${f},`).join("\n")}\n${indent}}` : `{ ${fields.join(", ")} }`;
}

type Usage = "await" | "void" | "bare" | "return" | "assigned" | "promise-all" | "then" | "paren-await" | "try" | "if" | "commented";

/** One emit statement (or a construct holding one) in a given usage shape. */
function printEmit(usage: Usage, e: EventShape, indent: string, k: number): string {
  const call = `${e.direct ? "emitAuditLogEventDirect" : "emitAuditLogEvent"}(${printEvent(e, indent)})`;
  switch (usage) {
    case "await":
      return `${indent}await ${call};`;
    case "void":
      return `${indent}void ${call};`;
    case "bare":
      return `${indent}${call};`;
    case "return":
      return `${indent}return ${call};`;
    case "assigned":
      return `${indent}const auditPromise${k} = ${call};`;
    case "promise-all":
      return `${indent}await Promise.all([${call}, notifySlack(space)]);`;
    case "then":
      return `${indent}${call}.then(() => logger.info("audited"));`;
    case "paren-await":
      return `${indent}await (${call});`;
    case "try":
      return `${indent}try {\n${indent}  await ${call};\n${indent}} catch (err) {\n${indent}  logger.error({ err }, "audit failed");\n${indent}}`;
    case "if":
      return `${indent}if (space.isRestricted()) {\n${indent}  await ${call};\n${indent}}`;
    case "commented":
      return `${indent}// Audit the change once it is committed.\n${indent}await ${call}; // fire and forget`;
  }
}

const usage = fc.constantFrom<Usage>("await", "void", "bare", "return", "assigned", "promise-all", "then", "paren-await", "try", "if", "commented");

interface Handler {
  kind: "next" | "hono" | "activity" | "lib";
  emits: [Usage, EventShape][];
}

const handler: fc.Arbitrary<Handler> = fc.constantFrom("next" as const, "hono" as const, "activity" as const, "lib" as const).chain((kind) => {
  const direct = kind === "activity";
  return fc.record({ kind: fc.constant(kind), emits: fc.array(fc.tuple(usage, eventShape(direct, kind === "next")), { minLength: 1, maxLength: 3 }) });
});

const IMPORT_NAMES = ["emitAuditLogEvent", "emitAuditLogEventDirect", "getAuditLogContext", "buildWorkspaceTarget", "buildAuditLogTarget"];

interface Program {
  imports: string[] | null;
  typeImport: boolean;
  handlers: Handler[];
  style: AuditConventions["targetStyle"];
  single: string;
}

const MUTATION = "  const r = await space.update(auth, body);\n  if (r.isErr()) {\n    return new Err(r.error);\n  }\n";

function printHandler(h: Handler, i: number): string {
  const emits = (indent: string) => h.emits.map(([u, e], k) => printEmit(u, e, indent, k)).join("\n");
  switch (h.kind) {
    case "next":
      return `async function handler${i}(req: NextApiRequest, res: NextApiResponse<WithAPIErrorResponse<{ ok: boolean }>>, auth: Authenticator) {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  if (!space) {
    return apiError(req, res, { status_code: 404, api_error: { type: "space_not_found", message: "Space not found." } });
  }
  switch (req.method) {
    case "PATCH": {
      const r = await space.updateName(auth, req.body.name);
      if (r.isErr()) {
        return apiError(req, res, { status_code: 400, api_error: { type: "invalid_request_error", message: r.error.message } });
      }
${emits("      ")}
      return res.status(200).json({ ok: true });
    }
    default:
      return apiError(req, res, { status_code: 405, api_error: { type: "method_not_supported_error", message: "Method not supported." } });
  }
}
`;
    case "hono":
      return `app.patch("/spaces/:spaceId/v${i}", async (ctx) => {
  const auth = ctx.get("auth");
  const space = await SpaceResource.fetchById(auth, ctx.req.param("spaceId"));
  const body = await ctx.req.json();
${MUTATION}${emits("  ")}
  return ctx.json({ space: space.toJSON() });
});
`;
    case "activity":
      return `export async function syncDirectoryActivity${i}({ workspaceId }: { workspaceId: string }) {
  const workspace = await WorkspaceResource.fetchById(workspaceId);
  const space = await SpaceResource.fetchSystemSpace(workspace);
  const count = await syncGroups(workspace);
${emits("  ")}
  return count;
}
`;
    case "lib":
      return `export async function archiveSpace${i}(auth: Authenticator, space: SpaceResource, body: ArchiveBody): Promise<Result<void, Error>> {
  const count = space.members.length;
${MUTATION}${emits("  ")}
  return new Ok(undefined);
}
`;
  }
}

function printProgram(p: Program): string {
  const lines = ['import type { NextApiRequest, NextApiResponse } from "next";', 'import { Err, Ok, type Result } from "@app/lib/result";'];
  if (p.imports) lines.push(`import { ${p.imports.join(", ")} } from "${MODULE}";`);
  if (p.typeImport) lines.push(`import type { AuditAction } from "${MODULE}";`);
  lines.push('import { SpaceResource } from "@app/lib/resources/space_resource";', "");
  return `${lines.join("\n")}\n${p.handlers.map(printHandler).join("\n")}`;
}

const NAMES = FIXERS.map((t) => t.name);

const program: fc.Arbitrary<Program> = fc.record({
  imports: fc.option(fc.subarray(IMPORT_NAMES, { minLength: 1 }), { nil: null }),
  typeImport: fc.boolean(),
  handlers: fc.array(handler, { minLength: 1, maxLength: 3 }),
  style: fc.constantFrom("builder" as const, "literal" as const),
  single: fc.constantFrom(...NAMES),
});

// ---- what may change ----------------------------------------------------------------------------

type Located = { type: string; loc: { start: { line: number }; end: { line: number } }; [key: string]: unknown };

/** Lines (1-based) of every statement holding an emit call, and of every import from the audit module. */
function allowedLines(text: string, file: string, conventions: AuditConventions): Set<number> {
  const ast = babelParse(text, parserFor(file), false) as unknown as Located;
  const lines = new Set<number>();
  const mark = (node: Located) => {
    for (let l = node.loc.start.line; l <= node.loc.end.line; l++) lines.add(l);
  };
  const walk = (node: unknown, statements: Located[]) => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child, statements);
      return;
    }
    if (!node || typeof node !== "object" || typeof (node as Located).type !== "string") return;
    const n = node as Located;
    if (n.type === "ImportDeclaration" && isAuditModuleSource(String((n.source as { value: unknown }).value), conventions)) mark(n);
    if (n.type === "CallExpression" && emitCalleeName(n as never) && statements.length > 0) mark(statements[statements.length - 1]);
    const isStatement = /(Statement|Declaration)$/.test(n.type) && n.type !== "BlockStatement";
    for (const [key, value] of Object.entries(n)) {
      if (key === "loc" || key.endsWith("Comments")) continue;
      walk(value, isStatement ? [...statements, n] : statements);
    }
  };
  walk(ast, []);
  return lines;
}

/** Lines that differ between input and output but lie outside emit statements and audit imports. */
function changesOutsideEmits(input: string, output: string, file: string, conventions: AuditConventions): string[] {
  const allowedIn = allowedLines(input, file, conventions);
  const allowedOut = allowedLines(output, file, conventions);
  const bad: string[] = [];
  let inLine = 1;
  let outLine = 1;
  for (const part of diffArrays(input.split("\n"), output.split("\n"))) {
    part.value.forEach((text, k) => {
      if (part.removed && !allowedIn.has(inLine + k)) bad.push(`- ${inLine + k}: ${text}`);
      if (part.added && !allowedOut.has(outLine + k)) bad.push(`+ ${outLine + k}: ${text}`);
    });
    if (!part.added) inLine += part.count ?? part.value.length;
    if (!part.removed) outLine += part.count ?? part.value.length;
  }
  return bad;
}

// ---- the properties -----------------------------------------------------------------------------

interface Verdict {
  steps: string;
  status: string;
  parses: string;
  second: string;
  outside: string[];
}

function check(source: string, steps: StepSpec[], conventions: AuditConventions): { verdict: Verdict; changed: boolean } {
  const file = "pages/api/w/[wId]/spaces/[spaceId]/generated.ts";
  const names = steps.map((s) => s.name).join(" ");
  const first = transformSource(file, source, steps, conventions);
  const output = first.output ?? source;
  let parses = "parses";
  try {
    assertParses(output, parserFor(file));
  } catch (error) {
    parses = describeSyntaxError(error).message;
  }
  const second = transformSource(file, output, steps, conventions);
  const verdict = {
    steps: names,
    status: first.status === "error" ? `error: ${first.reason}` : "ok",
    parses,
    second: second.status === "error" ? `error: ${second.reason}` : second.status,
    outside: changesOutsideEmits(source, output, file, conventions),
  };
  return { verdict, changed: first.status === "changed" };
}

describe("property: generated handlers through every fixer", () => {
  it(`lists the fixers from FIXERS (${NAMES.join(", ")})`, () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(1);
  });

  it(`${RUNS} generated files: outputs parse, a second run changes nothing, only emit statements and audit imports change`, () => {
    const changedBy = new Map<string, number>();
    fc.assert(
      fc.property(program, (p) => {
        const source = printProgram(p);
        const conventions = { ...DEFAULT_CONVENTIONS, targetStyle: p.style };
        for (const steps of [NAMES.map((name) => ({ name })), [{ name: p.single }]]) {
          const { verdict, changed } = check(source, steps, conventions);
          expect(verdict).toEqual({ steps: verdict.steps, status: "ok", parses: "parses", second: "unchanged", outside: [] });
          if (changed) changedBy.set(verdict.steps, (changedBy.get(verdict.steps) ?? 0) + 1);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator reaches every fixer: each one changed at least one generated file on its own.
    expect(NAMES.filter((name) => !changedBy.has(name))).toEqual([]);
  });
});
