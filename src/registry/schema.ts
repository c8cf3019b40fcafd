import { lineColumnAt, problemAt, type FileProblem } from "./position";

/**
 * Audit-log schema files (`admin/audit_log_schemas/<action>.json`, AUDIT3): created from a spec,
 * merged into (missing targets and metadata keys added, nothing removed), never overwritten.
 */

export interface AuditLogSchema {
  action: string;
  targets: { type: string }[];
  metadata?: Record<string, "string">;
}

export type SchemaMerge =
  | { ok: true; text: string; changed: boolean; added: string[] }
  | { ok: false; error: FileProblem };

/** The workspace is always the first target (AUDIT7); each metadata key is declared "string" (AUDIT5). */
export function buildSchema(action: string, targets: string[], metadata: string[]): AuditLogSchema {
  const types = [...new Set(["workspace", ...targets])];
  const schema: AuditLogSchema = { action, targets: types.map((type) => ({ type })) };
  const keys = [...new Set(metadata)];
  if (keys.length > 0) schema.metadata = Object.fromEntries(keys.map((k) => [k, "string" as const]));
  return schema;
}

/** 2-space JSON with a trailing newline: the form the schema files are kept in. */
export function serializeSchema(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** A JSON value with the offset where it starts, so conflicts can point at it. */
type JsonNode =
  | { kind: "object"; start: number; members: { key: string; value: JsonNode }[] }
  | { kind: "array"; start: number; items: JsonNode[] }
  | { kind: "string"; start: number; value: string }
  | { kind: "other"; start: number; text: string };

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

// RFC 8259 §7: raw control characters are not allowed inside a JSON string.
// eslint-disable-next-line no-control-regex
const STRING_TOKEN = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
const NUMBER_TOKEN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL_TOKEN = /true|false|null/y;

/** A strict JSON reader (RFC 8259) that keeps offsets: JSON.parse in Node 20 does not say where it failed. */
function parseJson(text: string): JsonNode {
  let pos = 0;
  const skipSpace = () => {
    while (pos < text.length && " \t\n\r".includes(text[pos])) pos++;
  };
  const describe = (at: number) => (at >= text.length ? "the end of the file" : `\`${text[at]}\``);
  const fail = (expected: string): never => {
    throw new JsonSyntaxError(pos, `expected ${expected}, found ${describe(pos)}`);
  };
  const token = (re: RegExp): string | null => {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return null;
    pos += m[0].length;
    return m[0];
  };
  const value = (): JsonNode => {
    skipSpace();
    const start = pos;
    const ch = text[pos];
    if (ch === "{") {
      pos++;
      const members: { key: string; value: JsonNode }[] = [];
      skipSpace();
      if (text[pos] === "}") {
        pos++;
        return { kind: "object", start, members };
      }
      for (;;) {
        skipSpace();
        const key = token(STRING_TOKEN) ?? fail("a property name in double quotes");
        skipSpace();
        if (text[pos] !== ":") fail("`:` after a property name");
        pos++;
        members.push({ key: JSON.parse(key) as string, value: value() });
        skipSpace();
        if (text[pos] === "}") {
          pos++;
          return { kind: "object", start, members };
        }
        if (text[pos] !== ",") fail("`,` or `}` after a property value");
        pos++;
      }
    }
    if (ch === "[") {
      pos++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[pos] === "]") {
        pos++;
        return { kind: "array", start, items };
      }
      for (;;) {
        items.push(value());
        skipSpace();
        if (text[pos] === "]") {
          pos++;
          return { kind: "array", start, items };
        }
        if (text[pos] !== ",") fail("`,` or `]` after an array element");
        pos++;
      }
    }
    const str = token(STRING_TOKEN);
    if (str !== null) return { kind: "string", start, value: JSON.parse(str) as string };
    const other = token(NUMBER_TOKEN) ?? token(LITERAL_TOKEN);
    if (other !== null) return { kind: "other", start, text: other };
    return fail("a JSON value");
  };
  const root = value();
  skipSpace();
  if (pos < text.length) fail("nothing after the top-level value");
  return root;
}

function member(node: Extract<JsonNode, { kind: "object" }>, key: string): JsonNode | undefined {
  return node.members.find((m) => m.key === key)?.value;
}

function shown(node: JsonNode): string {
  return node.kind === "string" ? JSON.stringify(node.value) : node.kind === "other" ? node.text : `an ${node.kind}`;
}

/** Puts `key` right after `afterKey` (or first), keeping every other key where it was. */
function withKeyAfter(object: Record<string, unknown>, afterKey: string, key: string, value: unknown): Record<string, unknown> {
  const entries = Object.entries(object);
  const at = entries.findIndex(([k]) => k === afterKey);
  entries.splice(at + 1, 0, [key, value]);
  return Object.fromEntries(entries);
}

export type SchemaRead =
  | { ok: true; action: string; targets: string[]; metadata: string[]; actionAt: { line: number; column: number } }
  | { ok: false; error: FileProblem };

/**
 * A schema file's action, target types and metadata keys, or the first problem with it: malformed
 * JSON, a shape other than `{ "action", "targets": [{ "type" }], "metadata": { key: "string" } }`,
 * or a metadata type other than "string" (AUDIT5). Used by merging and by `check`.
 */
export function readSchema(file: string, text: string): SchemaRead {
  let root: JsonNode;
  try {
    root = parseJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, error: problemAt(file, text, error.offset, `not valid JSON: ${error.message}`) };
  }
  const problem = (node: JsonNode, message: string): SchemaRead => ({ ok: false, error: problemAt(file, text, node.start, message) });
  if (root.kind !== "object") return problem(root, `a schema is a JSON object, found ${shown(root)}`);

  const action = member(root, "action");
  if (!action) return problem(root, 'the schema has no "action"');
  if (action.kind !== "string") return problem(action, `"action" must be a string, found ${shown(action)}`);

  const targets: string[] = [];
  const targetsNode = member(root, "targets");
  if (targetsNode) {
    if (targetsNode.kind !== "array") return problem(targetsNode, `"targets" must be an array of { "type": ... }, found ${shown(targetsNode)}`);
    for (const [i, item] of targetsNode.items.entries()) {
      const type = item.kind === "object" ? member(item, "type") : undefined;
      if (!type || type.kind !== "string") return problem(item, `targets[${i}] has no string "type"`);
      targets.push(type.value);
    }
  }

  const metadata: string[] = [];
  const metadataNode = member(root, "metadata");
  if (metadataNode) {
    if (metadataNode.kind !== "object") return problem(metadataNode, `"metadata" must be an object of key: "string", found ${shown(metadataNode)}`);
    for (const m of metadataNode.members) {
      if (m.value.kind !== "string" || m.value.value !== "string") {
        return problem(m.value, `metadata "${m.key}" is declared ${shown(m.value)}; AUDIT5: every metadata value is declared "string"`);
      }
      metadata.push(m.key);
    }
  }
  return { ok: true, action: action.value, targets, metadata, actionAt: lineColumnAt(text, action.start) };
}

/**
 * Merges `wanted` into the schema file's `text`: missing targets (the workspace first, others at the
 * end) and metadata keys are added, nothing is removed or reordered. A different `action`, or any
 * problem `readSchema` finds, is reported and the text stays as it is.
 */
export function mergeSchema(file: string, text: string, wanted: AuditLogSchema): SchemaMerge {
  const read = readSchema(file, text);
  if (!read.ok) return read;
  if (read.action !== wanted.action) return { ok: false, error: { file, ...read.actionAt, message: `"action" is ${JSON.stringify(read.action)}, but this is the schema of "${wanted.action}"` } };

  const newTypes = wanted.targets.map((t) => t.type).filter((t) => !read.targets.includes(t));
  const newKeys = Object.keys(wanted.metadata ?? {}).filter((k) => !read.metadata.includes(k));
  if (newTypes.length === 0 && newKeys.length === 0) return { ok: true, text, changed: false, added: [] };

  let merged = JSON.parse(text) as Record<string, unknown>;
  if (newTypes.length > 0) {
    const workspaceFirst = newTypes.includes("workspace") ? [{ type: "workspace" }] : [];
    const rest = newTypes.filter((t) => t !== "workspace").map((type) => ({ type }));
    const next = [...workspaceFirst, ...((merged.targets as unknown[] | undefined) ?? []), ...rest];
    merged = "targets" in merged ? { ...merged, targets: next } : withKeyAfter(merged, "action", "targets", next);
  }
  if (newKeys.length > 0) {
    const added = Object.fromEntries(newKeys.map((k) => [k, "string"]));
    merged = "metadata" in merged ? { ...merged, metadata: { ...(merged.metadata as object), ...added } } : withKeyAfter(merged, "targets", "metadata", added);
  }
  return { ok: true, text: serializeSchema(merged), changed: true, added: [...newTypes.map((t) => `target ${t}`), ...newKeys.map((k) => `metadata ${k}`)] };
}
