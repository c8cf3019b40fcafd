import type { Rng } from "./prng";

/** A domain resource of the generated front: its action prefix, class and route parameter. */
export interface Resource {
  name: string;
  plural: string;
  cls: string;
  type: string;
  idParam: string;
  fields: readonly string[];
}

export const RESOURCES: readonly Resource[] = [
  { name: "space", plural: "spaces", cls: "SpaceResource", type: "SpaceType", idParam: "spaceId", fields: ["kind", "description", "isRestricted"] },
  { name: "agent", plural: "agents", cls: "AgentConfigurationResource", type: "AgentConfigurationType", idParam: "aId", fields: ["scope", "model", "instructions", "status"] },
  { name: "api_key", plural: "keys", cls: "KeyResource", type: "KeyType", idParam: "keyId", fields: ["role", "lastUsedAt", "scope"] },
  { name: "trigger", plural: "triggers", cls: "TriggerResource", type: "TriggerType", idParam: "triggerId", fields: ["kind", "cron", "enabled"] },
  { name: "group", plural: "groups", cls: "GroupResource", type: "GroupType", idParam: "groupId", fields: ["kind", "memberCount"] },
  { name: "membership", plural: "memberships", cls: "MembershipResource", type: "MembershipType", idParam: "membershipId", fields: ["role", "origin", "startAt"] },
  { name: "data_source", plural: "data_sources", cls: "DataSourceResource", type: "DataSourceType", idParam: "dsId", fields: ["connectorProvider", "assistantDefaultSelected"] },
  { name: "webhook_source", plural: "webhook_sources", cls: "WebhookSourceResource", type: "WebhookSourceType", idParam: "webhookSourceId", fields: ["kind", "signatureHeader", "urlSecret"] },
  { name: "tool", plural: "tools", cls: "MCPServerViewResource", type: "MCPServerViewType", idParam: "viewId", fields: ["serverType", "availability", "oAuthUseCase"] },
  { name: "conversation", plural: "conversations", cls: "ConversationResource", type: "ConversationType", idParam: "cId", fields: ["visibility", "depth", "title"] },
  { name: "template", plural: "templates", cls: "TemplateResource", type: "TemplateType", idParam: "tId", fields: ["visibility", "tags", "emoji"] },
  { name: "tracker", plural: "trackers", cls: "TrackerConfigurationResource", type: "TrackerConfigurationType", idParam: "trackerId", fields: ["frequency", "status", "recipients"] },
  { name: "folder", plural: "folders", cls: "FolderResource", type: "FolderType", idParam: "folderId", fields: ["parentId", "mimeType"] },
  { name: "invitation", plural: "invitations", cls: "MembershipInvitationResource", type: "MembershipInvitationType", idParam: "invitationId", fields: ["inviteEmail", "initialRole", "status"] },
  { name: "subscription", plural: "subscriptions", cls: "SubscriptionResource", type: "SubscriptionType", idParam: "subscriptionId", fields: ["planCode", "stripeSubscriptionId", "trialing"] },
  { name: "label", plural: "labels", cls: "TagResource", type: "TagType", idParam: "tagId", fields: ["kind", "usage"] },
];

const VERBS = [
  { verb: "updated", method: "update", http: "PATCH" },
  { verb: "deleted", method: "delete", http: "DELETE" },
  { verb: "archived", method: "archive", http: "POST" },
  { verb: "renamed", method: "rename", http: "PATCH" },
  { verb: "restored", method: "restore", http: "POST" },
  { verb: "disabled", method: "disable", http: "POST" },
  { verb: "enabled", method: "enable", http: "POST" },
] as const;

type Verb = (typeof VERBS)[number];

const WORDS = ["Summary", "Preview", "Details", "Settings", "Usage", "Limits", "Status", "Owner", "History", "Access", "Quota", "Audit", "Export", "Sync", "Digest", "Index"];
const UTIL_TOPICS = ["string", "date", "array", "url", "retry", "pagination", "cache", "csv", "slug", "markdown", "timezone", "currency", "color", "diff", "metrics", "email"];

/** Whether a generated file awaits its emits (to fix), voids them (already right), or has none. */
export type EmitMode = "await" | "void" | "none";

/** Per-file generation state: unique names, and how many emits were written of each kind. */
export interface FileState {
  rng: Rng;
  used: Set<string>;
  emitMode: EmitMode;
  awaitedEmits: number;
  voidEmits: number;
}

export function newFileState(rng: Rng, emitMode: EmitMode): FileState {
  return { rng, used: new Set(), emitMode, awaitedEmits: 0, voidEmits: 0 };
}

function unique(state: FileState, base: string): string {
  let name = base;
  for (let i = 2; state.used.has(name); i++) name = `${base}${i}`;
  state.used.add(name);
  return name;
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function pascal(snake: string): string {
  const c = camel(snake);
  return c[0].toUpperCase() + c.slice(1);
}

function indent(lines: string[], by: string): string[] {
  return lines.map((l) => (l === "" ? l : by + l));
}

/**
 * The emit a mutation site carries, or nothing. In an "await" file the first emit is awaited (the
 * violation to fix) and later ones are awaited or voided at random; in a "void" file all are voided.
 */
function emitBlock(state: FileState, r: Resource, verb: string, subject: string, context: string | null): string[] {
  if (state.emitMode === "none") return [];
  const first = state.awaitedEmits + state.voidEmits === 0;
  if (!first && !state.rng.chance(0.5)) return [];
  const awaited = state.emitMode === "await" && (first || state.rng.chance(0.5));
  if (awaited) state.awaitedEmits++;
  else state.voidEmits++;
  const lines: string[] = [];
  if (state.rng.chance(0.3)) lines.push(`// Admins see ${r.name.replace(/_/g, " ")} changes in the workspace audit log.`);
  lines.push(`${awaited ? "await" : "void"} emitAuditLogEvent({`, "  auth,", `  action: "${r.name}.${verb}",`, "  targets: [");
  lines.push("    buildWorkspaceTarget(auth.getNonNullableWorkspace()),", `    { type: "${r.name}", id: ${subject}.sId, name: ${subject}.name },`, "  ],");
  if (context) lines.push(`  context: ${context},`);
  const field = state.rng.pick(r.fields);
  // Half the values are bare reads: not provably strings by syntax, so `stringify-metadata --typecheck` asks the checker.
  const value = state.rng.chance(0.5) ? `String(${subject}.${field})` : `${subject}.${field}`;
  lines.push("  metadata: {", `    ${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}: ${value},`, "  },", "});");
  return lines;
}

export const AUDIT_IMPORT = 'import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";';

// ---------------------------------------------------------------------------------------------
// Padding blocks: the helpers, types and tables every kind of module carries around its core.
// ---------------------------------------------------------------------------------------------

function typeBlock(state: FileState, r: Resource): string[] {
  const name = unique(state, `${pascal(r.name)}${state.rng.pick(WORDS)}`);
  const n = state.rng.int(3, 9);
  const kinds = ["string", "number", "boolean", "string | null", "Date", "string[]", "Record<string, string>", `${r.type}["sId"]`];
  const lines = [`export type ${name} = {`];
  for (let i = 0; i < n; i++) lines.push(`  ${camel(state.rng.pick([...r.fields, "sId", "name", "createdAt", "updatedAt", "ownerId", "workspaceId"]))}${i}${state.rng.chance(0.2) ? "?" : ""}: ${state.rng.pick(kinds)};`);
  lines.push("};");
  return lines;
}

function serializerBlock(state: FileState, r: Resource): string[] {
  const name = unique(state, `render${pascal(r.name)}${state.rng.pick(WORDS)}`);
  const lines = [`export function ${name}(${camel(r.name)}: ${r.cls}): Record<string, unknown> {`, "  return {", `    sId: ${camel(r.name)}.sId,`, `    name: ${camel(r.name)}.name,`];
  for (const f of r.fields) if (state.rng.chance(0.7)) lines.push(`    ${f}: ${camel(r.name)}.${f} ?? null,`);
  lines.push(`    createdAt: ${camel(r.name)}.createdAt.getTime(),`, "  };", "}");
  return lines;
}

function validatorBlock(state: FileState, r: Resource): string[] {
  const name = unique(state, `isValid${pascal(r.name)}Name`);
  const max = state.rng.pick([32, 64, 120, 255]);
  return [
    `/** ${pascal(r.name)} names are shown in the sidebar and in URLs, so they stay short and printable. */`,
    `export function ${name}(name: string): boolean {`,
    "  const trimmed = name.trim();",
    `  if (trimmed.length === 0 || trimmed.length > ${max}) {`,
    "    return false;",
    "  }",
    `  return /^[\\p{L}\\p{N} _.-]+$/u.test(trimmed);`,
    "}",
  ];
}

function paginationBlock(state: FileState, r: Resource): string[] {
  const name = unique(state, `parse${pascal(r.plural)}Pagination`);
  const max = state.rng.pick([50, 100, 200, 500]);
  return [
    `export function ${name}(query: Record<string, string | string[] | undefined>): { limit: number; cursor: string | null } {`,
    "  const rawLimit = Array.isArray(query.limit) ? query.limit[0] : query.limit;",
    "  const rawCursor = Array.isArray(query.cursor) ? query.cursor[0] : query.cursor;",
    "  const parsed = rawLimit ? parseInt(rawLimit, 10) : NaN;",
    "  return {",
    `    limit: Number.isFinite(parsed) && parsed > 0 ? Math.min(parsed, ${max}) : ${Math.min(max, 25)},`,
    "    cursor: rawCursor && rawCursor.length > 0 ? rawCursor : null,",
    "  };",
    "}",
  ];
}

function permissionBlock(state: FileState, r: Resource): string[] {
  const name = unique(state, `canManage${pascal(r.name)}`);
  return [
    `async function ${name}(auth: Authenticator, ${camel(r.name)}: ${r.cls}): Promise<boolean> {`,
    "  if (auth.isAdmin()) {",
    "    return true;",
    "  }",
    `  if (!${camel(r.name)}.canWrite(auth)) {`,
    "    return false;",
    "  }",
    `  const owner = await ${camel(r.name)}.fetchOwner(auth);`,
    "  return owner?.id === auth.getNonNullableUser().id;",
    "}",
  ];
}

function tableBlock(state: FileState, r: Resource): string[] {
  const name = unique(state, `${r.name.toUpperCase()}_${state.rng.pick(WORDS).toUpperCase()}_LIMITS`);
  const plans = ["FREE_TEST_PLAN", "FREE_NO_PLAN", "PRO_PLAN_SEAT_29", "PRO_PLAN_SEAT_39", "ENT_PLAN_FAKE", "BUSINESS_PLAN", "TEAM_PLAN_MONTHLY", "TEAM_PLAN_YEARLY"];
  const lines = [`const ${name}: Record<string, number> = {`];
  const n = state.rng.int(3, plans.length);
  for (let i = 0; i < n; i++) lines.push(`  ${plans[i]}: ${state.rng.int(1, 500) * 10},`);
  lines.push("};", "", `export function ${unique(state, `max${pascal(r.plural)}ForPlan`)}(planCode: string): number {`, `  return ${name}[planCode] ?? ${name}.FREE_NO_PLAN ?? 0;`, "}");
  return lines;
}

function labelSwitchBlock(state: FileState, r: Resource): string[] {
  const name = unique(state, `${camel(r.name)}StatusLabel`);
  const statuses = ["active", "pending", "archived", "disabled", "errored", "paused", "draft"];
  const n = state.rng.int(3, statuses.length);
  const lines = [`export function ${name}(status: string): string {`, "  switch (status) {"];
  for (let i = 0; i < n; i++) lines.push(`    case "${statuses[i]}":`, `      return "${statuses[i][0].toUpperCase()}${statuses[i].slice(1)} ${r.name.replace(/_/g, " ")}";`);
  lines.push("    default:", `      return "Unknown";`, "  }", "}");
  return lines;
}

function groupByBlock(state: FileState, r: Resource): string[] {
  const name = unique(state, `group${pascal(r.plural)}By${pascal(state.rng.pick(r.fields))}`);
  const field = state.rng.pick(r.fields);
  return [
    `export function ${name}(items: ${r.type}[]): Map<string, ${r.type}[]> {`,
    `  const groups = new Map<string, ${r.type}[]>();`,
    "  for (const item of items) {",
    `    const key = String(item.${field} ?? "none");`,
    "    const existing = groups.get(key);",
    "    if (existing) {",
    "      existing.push(item);",
    "    } else {",
    "      groups.set(key, [item]);",
    "    }",
    "  }",
    "  return groups;",
    "}",
  ];
}

function retryBlock(state: FileState): string[] {
  const name = unique(state, `with${state.rng.pick(WORDS)}Retry`);
  const attempts = state.rng.int(2, 5);
  return [
    `async function ${name}<T>(fn: () => Promise<T>, attempts = ${attempts}): Promise<T> {`,
    "  let lastError: unknown = null;",
    "  for (let i = 0; i < attempts; i++) {",
    "    try {",
    "      return await fn();",
    "    } catch (err) {",
    "      lastError = err;",
    `      await new Promise((resolve) => setTimeout(resolve, ${state.rng.pick([50, 100, 250])} * 2 ** i));`,
    "    }",
    "  }",
    "  throw lastError instanceof Error ? lastError : new Error(String(lastError));",
    "}",
  ];
}

function fetchListBlock(state: FileState, r: Resource): string[] {
  const name = unique(state, `list${pascal(r.plural)}For${state.rng.pick(["Workspace", "Space", "User", "Admin"])}`);
  return [
    `export async function ${name}(auth: Authenticator, { limit, cursor }: { limit: number; cursor: string | null }) {`,
    `  const ${camel(r.plural)} = await ${r.cls}.listByWorkspace(auth, { limit: limit + 1, cursor });`,
    `  const hasMore = ${camel(r.plural)}.length > limit;`,
    "  return {",
    `    items: ${camel(r.plural)}.slice(0, limit).map((x) => x.toJSON()),`,
    `    nextCursor: hasMore ? ${camel(r.plural)}[limit - 1].sId : null,`,
    "  };",
    "}",
  ];
}

const PADDING = [typeBlock, serializerBlock, validatorBlock, paginationBlock, permissionBlock, tableBlock, labelSwitchBlock, groupByBlock, fetchListBlock];

function paddingBlock(state: FileState, r: Resource): string[] {
  if (state.rng.chance(0.08)) return retryBlock(state);
  return state.rng.pick(PADDING)(state, r);
}

/** Fills `body` with padding blocks (each followed by a blank line) until the file reaches about `target` lines. */
function pad(state: FileState, r: Resource, used: number, target: number): string[] {
  const out: string[] = [];
  while (used + out.length < target) out.push(...paddingBlock(state, state.rng.chance(0.7) ? r : state.rng.pick(RESOURCES)), "");
  return out;
}

// ---------------------------------------------------------------------------------------------
// The kinds of module.
// ---------------------------------------------------------------------------------------------

function apiErrorCall(status: number, type: string, message: string): string[] {
  return ["return apiError(req, res, {", `  status_code: ${status},`, "  api_error: {", `    type: "${type}",`, `    message: ${JSON.stringify(message)},`, "  },", "});"];
}

function nextCase(state: FileState, r: Resource, v: Verb): string[] {
  const subject = camel(r.name);
  const schema = `${pascal(v.method)}${pascal(r.name)}BodySchema`;
  const lines = [`case "${v.http}": {`];
  if (v.http !== "DELETE") {
    lines.push(`  const bodyValidation = ${schema}.safeParse(req.body);`, "  if (!bodyValidation.success) {");
    lines.push(...indent(apiErrorCall(400, "invalid_request_error", `Invalid request body: the ${r.name.replace(/_/g, " ")} could not be ${v.verb}.`), "    "), "  }");
  }
  lines.push(`  if (!(await ${subject}.canWrite(auth))) {`, ...indent(apiErrorCall(403, "workspace_auth_error", `Only builders can change this ${r.name.replace(/_/g, " ")}.`), "    "), "  }");
  const args = v.http === "DELETE" ? "auth" : "auth, bodyValidation.data";
  if (state.rng.chance(0.3)) {
    lines.push("  try {", `    await ${subject}.${v.method}(${args});`, "  } catch (err) {", `    logger.error({ err, ${r.idParam} }, "Failed to ${v.method} ${r.name.replace(/_/g, " ")}");`);
    lines.push(...indent(apiErrorCall(500, "internal_server_error", `The ${r.name.replace(/_/g, " ")} could not be ${v.verb}.`), "    "), "  }");
  } else {
    lines.push(`  const result = await ${subject}.${v.method}(${args});`, "  if (result.isErr()) {");
    lines.push(...indent(apiErrorCall(500, "internal_server_error", `The ${r.name.replace(/_/g, " ")} could not be ${v.verb}.`), "    "), "  }");
  }
  lines.push(...indent(emitBlock(state, r, v.verb, subject, "getAuditLogContext(auth, req)"), "  "));
  lines.push(v.http === "DELETE" ? "  return res.status(204).end();" : `  return res.status(200).json({ ${subject}: ${subject}.toJSON() });`, "}");
  return lines;
}

/** A Next.js API route: `switch (req.method)` with `apiError` guards, wrapped by the session authenticator. */
export function nextHandler(state: FileState, r: Resource, target: number): string {
  const subject = camel(r.name);
  const verbs: Verb[] = [state.rng.pick(VERBS.filter((v) => v.http === "PATCH")), VERBS[1]].filter(() => state.rng.chance(0.85));
  if (verbs.length === 0 || state.emitMode !== "none") verbs.unshift(state.rng.pick(VERBS));
  const seen = new Set<string>();
  const cases = verbs.filter((v) => !seen.has(v.http) && seen.add(v.http));
  const head = [
    'import type { NextApiRequest, NextApiResponse } from "next";',
    'import { z } from "zod";',
    "",
    ...(state.emitMode !== "none" ? [AUDIT_IMPORT] : []),
    'import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";',
    'import { apiError } from "@app/lib/api/errors";',
    'import type { Authenticator } from "@app/lib/auth";',
    'import logger from "@app/lib/logger";',
    `import { ${r.cls} } from "@app/lib/resources/${r.name}_resource";`,
    'import type { WithAPIErrorResponse } from "@app/types/error";',
    `import type { ${r.type} } from "@app/types/${r.name}";`,
    "",
  ];
  for (const v of cases) {
    if (v.http === "DELETE") continue;
    head.push(`const ${pascal(v.method)}${pascal(r.name)}BodySchema = z.object({`, "  name: z.string().min(1).max(120),");
    for (const f of r.fields) if (state.rng.chance(0.5)) head.push(`  ${f}: z.string().optional(),`);
    head.push("});", "");
  }
  head.push(`export type Get${pascal(r.name)}ResponseBody = {`, `  ${subject}: ${r.type};`, "};", "");
  const handler = [
    "async function handler(",
    "  req: NextApiRequest,",
    `  res: NextApiResponse<WithAPIErrorResponse<Get${pascal(r.name)}ResponseBody>>,`,
    "  auth: Authenticator",
    "): Promise<void> {",
    `  const { ${r.idParam} } = req.query;`,
    `  if (typeof ${r.idParam} !== "string") {`,
    ...indent(apiErrorCall(400, "invalid_request_error", `Invalid query parameters: ${r.idParam} is required.`), "    "),
    "  }",
    "",
    `  const ${subject} = await ${r.cls}.fetchById(auth, ${r.idParam});`,
    `  if (!${subject}) {`,
    ...indent(apiErrorCall(404, `${r.name}_not_found`, `The ${r.name.replace(/_/g, " ")} you requested was not found.`), "    "),
    "  }",
    "",
    "  switch (req.method) {",
    '    case "GET":',
    `      return res.status(200).json({ ${subject}: ${subject}.toJSON() });`,
    "",
  ];
  for (const v of cases) handler.push(...indent(nextCase(state, r, v), "    "), "");
  handler.push("    default:");
  handler.push(...indent(apiErrorCall(405, "method_not_supported_error", `The method passed is not supported, GET or ${cases.map((c) => c.http).join(" or ")} is expected.`), "      "));
  handler.push("  }", "}", "", "export default withSessionAuthenticationForWorkspace(handler);");
  const padding = pad(state, r, head.length + handler.length, target);
  return [...head, ...padding, ...handler, ""].join("\n");
}

/** A Hono router: `ctx` handlers returning `ctx.json(...)`. */
export function honoRoutes(state: FileState, r: Resource, target: number): string {
  const subject = camel(r.name);
  const head = [
    'import { Hono } from "hono";',
    "",
    ...(state.emitMode !== "none" ? [AUDIT_IMPORT] : []),
    'import type { HonoEnv } from "@app/lib/api/hono";',
    'import logger from "@app/lib/logger";',
    `import { ${r.cls} } from "@app/lib/resources/${r.name}_resource";`,
    "",
  ];
  const routes = [
    "const app = new Hono<HonoEnv>();",
    "",
    'app.get("/", async (ctx) => {',
    '  const auth = ctx.get("auth");',
    `  const ${camel(r.plural)} = await ${r.cls}.listByWorkspace(auth, { limit: 50 });`,
    `  return ctx.json({ ${camel(r.plural)}: ${camel(r.plural)}.map((x) => x.toJSON()) });`,
    "});",
    "",
  ];
  const verbs = VERBS.filter(() => state.rng.chance(0.45));
  if (verbs.length === 0) verbs.push(state.rng.pick(VERBS));
  for (const v of verbs) {
    const method = v.http.toLowerCase();
    routes.push(`app.${method}("/:id${v.method === "update" || v.method === "delete" ? "" : `/${v.method}`}", async (ctx) => {`, '  const auth = ctx.get("auth");');
    routes.push(`  const ${subject} = await ${r.cls}.fetchById(auth, ctx.req.param("id"));`, `  if (!${subject}) {`);
    routes.push(`    return ctx.json({ error: { type: "${r.name}_not_found", message: "No such ${r.name.replace(/_/g, " ")}." } }, 404);`, "  }");
    const args = v.http === "DELETE" ? "auth" : "auth, await ctx.req.json()";
    routes.push(`  const result = await ${subject}.${v.method}(${args});`, "  if (result.isErr()) {");
    routes.push(`    logger.error({ error: result.error }, "Failed to ${v.method} ${r.name.replace(/_/g, " ")}");`);
    routes.push('    return ctx.json({ error: { type: "internal_server_error", message: result.error.message } }, 500);', "  }");
    routes.push(...indent(emitBlock(state, r, v.verb, subject, "getAuditLogContext(auth)"), "  "));
    routes.push(`  return ctx.json({ ${subject}: ${subject}.toJSON() });`, "});", "");
  }
  routes.push("export default app;");
  const padding = pad(state, r, head.length + routes.length, target);
  return [...head, ...padding, ...routes, ""].join("\n");
}

function resultFunction(state: FileState, r: Resource, v: Verb): string[] {
  const subject = camel(r.name);
  const name = unique(state, `${v.method}${pascal(r.name)}${state.rng.chance(0.3) ? state.rng.pick(WORDS) : ""}`);
  const lines = [
    `export async function ${name}(`,
    "  auth: Authenticator,",
    `  ${r.idParam}: string${v.http === "DELETE" ? "" : `,\n  params: Partial<${r.type}>`}`,
    `): Promise<Result<${r.type}, Error>> {`,
    `  const ${subject} = await ${r.cls}.fetchById(auth, ${r.idParam});`,
    `  if (!${subject}) {`,
    `    return new Err(new Error(\`${pascal(r.name)} \${${r.idParam}} not found\`));`,
    "  }",
    `  if (!${subject}.canWrite(auth)) {`,
    `    return new Err(new Error("Only builders can ${v.method} this ${r.name.replace(/_/g, " ")}."));`,
    "  }",
  ];
  const args = v.http === "DELETE" ? "auth" : "auth, params";
  if (state.rng.chance(0.35)) {
    lines.push("  try {", `    await ${subject}.${v.method}(${args});`, "  } catch (err) {");
    lines.push(`    logger.error({ err, ${r.idParam} }, "${pascal(v.method)} failed");`, "    return new Err(normalizeError(err));", "  }");
  } else {
    lines.push(`  const ${v.method}Result = await ${subject}.${v.method}(${args});`, `  if (${v.method}Result.isErr()) {`);
    lines.push(`    logger.error({ error: ${v.method}Result.error, ${r.idParam} }, "${pascal(v.method)} failed");`, `    return ${v.method}Result;`, "  }");
  }
  lines.push(...indent(emitBlock(state, r, v.verb, subject, state.rng.chance(0.5) ? "getAuditLogContext(auth)" : null), "  "));
  lines.push(`  return new Ok(${subject}.toJSON());`, "}");
  return lines;
}

/** A lib module of Result-returning functions (`if (r.isErr()) return r`, `new Ok(...)`). */
export function resultLib(state: FileState, r: Resource, target: number): string {
  const head = [
    ...(state.emitMode !== "none" ? [AUDIT_IMPORT] : []),
    'import type { Authenticator } from "@app/lib/auth";',
    'import logger from "@app/lib/logger";',
    `import { ${r.cls} } from "@app/lib/resources/${r.name}_resource";`,
    'import { normalizeError } from "@app/types/shared/utils/error_utils";',
    'import { Err, Ok, type Result } from "@app/types/shared/result";',
    `import type { ${r.type} } from "@app/types/${r.name}";`,
    "",
  ];
  const body: string[] = [];
  const count = Math.max(1, Math.round(target / 60));
  for (let i = 0; i < count; i++) body.push(...resultFunction(state, r, state.rng.pick(VERBS)), "");
  const padding = pad(state, r, head.length + body.length, target);
  return [...head, ...body, ...padding].join("\n");
}

/** A resource class over a model: static fetchers, mutations returning Results, `toJSON`. */
export function resourceClass(state: FileState, r: Resource, target: number): string {
  const model = `${pascal(r.name)}Model`;
  const head = [
    'import type { Attributes, ModelStatic, Transaction } from "sequelize";',
    "",
    ...(state.emitMode !== "none" ? [AUDIT_IMPORT] : []),
    'import type { Authenticator } from "@app/lib/auth";',
    'import { BaseResource } from "@app/lib/resources/base_resource";',
    `import { ${model} } from "@app/lib/resources/storage/models/${r.name}";`,
    'import { Err, Ok, type Result } from "@app/types/shared/result";',
    `import type { ${r.type} } from "@app/types/${r.name}";`,
    "",
    `// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging`,
    `export interface ${r.cls} extends ReadonlyAttributesType<${model}> {}`,
    "",
  ];
  const cls = [
    `// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging`,
    `export class ${r.cls} extends BaseResource<${model}> {`,
    `  static model: ModelStatic<${model}> = ${model};`,
    "",
    `  constructor(model: ModelStatic<${model}>, blob: Attributes<${model}>) {`,
    `    super(${model}, blob);`,
    "  }",
    "",
    `  static async fetchById(auth: Authenticator, id: string): Promise<${r.cls} | null> {`,
    `    const row = await ${model}.findOne({ where: { workspaceId: auth.getNonNullableWorkspace().id, sId: id } });`,
    `    return row ? new ${r.cls}(${model}, row.get()) : null;`,
    "  }",
    "",
    `  static async listByWorkspace(auth: Authenticator, { limit = 100 }: { limit?: number } = {}): Promise<${r.cls}[]> {`,
    `    const rows = await ${model}.findAll({ where: { workspaceId: auth.getNonNullableWorkspace().id }, limit, order: [["createdAt", "DESC"]] });`,
    `    return rows.map((row) => new ${r.cls}(${model}, row.get()));`,
    "  }",
    "",
  ];
  const verbs = VERBS.filter(() => state.rng.chance(0.4));
  const missing = VERBS.filter((v) => !verbs.includes(v));
  if ((verbs.length === 0 || state.emitMode !== "none") && missing.length > 0) verbs.unshift(state.rng.pick(missing));
  for (const v of verbs) {
    cls.push(
      `  async ${v.method}(auth: Authenticator, { transaction }: { transaction?: Transaction } = {}): Promise<Result<undefined, Error>> {`,
      "    if (!this.canWrite(auth)) {",
      `      return new Err(new Error("Cannot ${v.method} a ${r.name.replace(/_/g, " ")} without write access."));`,
      "    }",
      `    await this.update${v.method === "delete" ? "" : "Fields"}({ status: "${v.verb}" }, { transaction });`,
      ...indent(emitBlock(state, r, v.verb, "this", null), "    "),
      "    return new Ok(undefined);",
      "  }",
      "",
    );
  }
  cls.push(`  toJSON(): ${r.type} {`, "    return {", "      id: this.id,", "      sId: this.sId,", "      name: this.name,");
  for (const f of r.fields) cls.push(`      ${f}: this.${f},`);
  cls.push("      createdAt: this.createdAt.getTime(),", "    };", "  }", "}");
  const padding = pad(state, r, head.length + cls.length, target);
  return [...head, ...cls, "", ...padding].join("\n");
}

function utilFunction(state: FileState, topic: string): string[] {
  const rng = state.rng;
  switch (rng.int(0, 5)) {
    case 0: {
      const name = unique(state, `normalize${pascal(topic)}${rng.pick(WORDS)}`);
      return [`export function ${name}(input: string): string {`, "  return input", "    .normalize(\"NFKD\")", "    .replace(/[\\u0300-\\u036f]/g, \"\")", `    .replace(/[^a-z0-9]+/gi, "${rng.pick(["-", "_"])}")`, "    .toLowerCase();", "}"];
    }
    case 1: {
      const name = unique(state, `chunk${pascal(topic)}s`);
      return [`export function ${name}<T>(items: readonly T[], size: number): T[][] {`, "  const out: T[][] = [];", "  for (let i = 0; i < items.length; i += size) {", "    out.push(items.slice(i, i + size));", "  }", "  return out;", "}"];
    }
    case 2: {
      const name = unique(state, `${camel(topic)}${rng.pick(WORDS)}ToString`);
      const n = rng.int(2, 6);
      const lines = [`export function ${name}(value: number, unit: "${["ms", "s", "min", "h", "d", "w"].slice(0, n).join('" | "')}"): string {`, "  switch (unit) {"];
      for (const u of ["ms", "s", "min", "h", "d", "w"].slice(0, n)) lines.push(`    case "${u}":`, `      return \`\${value.toFixed(${rng.int(0, 2)})} ${u}\`;`);
      lines.push("  }", "}");
      return lines;
    }
    case 3: {
      const name = unique(state, `memoize${pascal(topic)}`);
      return [
        `export function ${name}<A extends string, R>(fn: (arg: A) => R): (arg: A) => R {`,
        "  const cache = new Map<A, R>();",
        "  return (arg: A): R => {",
        "    const hit = cache.get(arg);",
        "    if (hit !== undefined) {",
        "      return hit;",
        "    }",
        "    const value = fn(arg);",
        "    cache.set(arg, value);",
        "    return value;",
        "  };",
        "}",
      ];
    }
    case 4: {
      const name = unique(state, `parse${pascal(topic)}List`);
      return [
        `export function ${name}(raw: string | undefined, separator = "${rng.pick([",", ";", "|"])}"): string[] {`,
        "  if (!raw) {",
        "    return [];",
        "  }",
        "  return raw",
        "    .split(separator)",
        "    .map((part) => part.trim())",
        "    .filter((part) => part.length > 0);",
        "}",
      ];
    }
    default: {
      const name = unique(state, `is${pascal(topic)}${rng.pick(WORDS)}`);
      return [`export function ${name}(value: unknown): value is Record<string, unknown> {`, '  return typeof value === "object" && value !== null && !Array.isArray(value);', "}"];
    }
  }
}

/** A React-free utility module: pure helpers, constants and types. */
export function utilModule(state: FileState, _r: Resource, target: number): string {
  const topic = state.rng.pick(UTIL_TOPICS);
  const lines = [`// Helpers for ${topic} values shared by the API and the workers.`, ""];
  if (state.rng.chance(0.5)) lines.push(`import { ${unique(state, "assertNever")} } from "@app/types/shared/utils/assert_never";`, "");
  while (lines.length < target) {
    lines.push(...(state.rng.chance(0.75) ? utilFunction(state, state.rng.chance(0.8) ? topic : state.rng.pick(UTIL_TOPICS)) : paddingBlock(state, state.rng.pick(RESOURCES))), "");
  }
  return lines.join("\n");
}

/** The registry the corpus root is found by (`lib/api/audit/workos_audit.ts`). */
export function auditRegistry(): string {
  const lines = ['import type { Authenticator } from "@app/lib/auth";', "", "export type AuditAction ="];
  const actions = RESOURCES.flatMap((r) => VERBS.map((v) => `${r.name}.${v.verb}`));
  actions.forEach((a, i) => lines.push(`  | "${a}"${i === actions.length - 1 ? ";" : ""}`));
  lines.push(
    "",
    "export type AuditLogTarget = { type: string; id: string; name?: string };",
    "",
    "export function buildWorkspaceTarget(workspace: { sId: string; name: string }): AuditLogTarget {",
    '  return { type: "workspace", id: workspace.sId, name: workspace.name };',
    "}",
    "",
    "export function getAuditLogContext(auth: Authenticator, req?: { headers: Record<string, unknown> }) {",
    '  return { location: String(req?.headers["x-forwarded-for"] ?? "internal") };',
    "}",
    "",
    "export async function emitAuditLogEvent(event: { auth: Authenticator; action: AuditAction; targets: AuditLogTarget[] }): Promise<void> {",
    "  await Promise.resolve(event);",
    "}",
    "",
  );
  return lines.join("\n");
}
