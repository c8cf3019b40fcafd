import { buildSchema, mergeSchema, readSchema, serializeSchema } from "../../src/registry/schema";

const FILE = "admin/audit_log_schemas/space.archived.json";

describe("buildSchema + serializeSchema", () => {
  it("writes action, targets (workspace first), metadata: 2-space JSON with a trailing newline", () => {
    expect(serializeSchema(buildSchema("space.archived", ["space"], ["space_kind"]))).toBe(
      `{
  "action": "space.archived",
  "targets": [
    {
      "type": "workspace"
    },
    {
      "type": "space"
    }
  ],
  "metadata": {
    "space_kind": "string"
  }
}
`,
    );
  });

  it("omits metadata when there is none, and never repeats the workspace or a target", () => {
    expect(buildSchema("user.invited", ["workspace", "user", "user"], [])).toEqual({ action: "user.invited", targets: [{ type: "workspace" }, { type: "user" }] });
    expect(Object.keys(buildSchema("user.invited", [], ["a", "b", "a"]))).toEqual(["action", "targets", "metadata"]);
    expect(buildSchema("user.invited", [], ["a", "b", "a"]).metadata).toEqual({ a: "string", b: "string" });
  });
});

describe("mergeSchema", () => {
  const wanted = buildSchema("space.archived", ["space", "user"], ["space_kind", "archived_by"]);

  it("adds missing targets at the end and missing metadata keys, removing nothing", () => {
    const existing = `{
  "action": "space.archived",
  "targets": [{ "type": "workspace" }, { "type": "space" }],
  "metadata": { "space_kind": "string", "reason": "string" }
}
`;
    expect(mergeSchema(FILE, existing, wanted)).toEqual({
      ok: true,
      changed: true,
      added: ["target user", "metadata archived_by"],
      text: `{
  "action": "space.archived",
  "targets": [
    {
      "type": "workspace"
    },
    {
      "type": "space"
    },
    {
      "type": "user"
    }
  ],
  "metadata": {
    "space_kind": "string",
    "reason": "string",
    "archived_by": "string"
  }
}
`,
    });
  });

  it("puts a missing workspace target first and keeps keys it does not know where they were", () => {
    const existing = `{"action":"space.archived","description":"A space was archived","targets":[{"type":"space","label":"Space"}]}`;
    const merged = mergeSchema(FILE, existing, buildSchema("space.archived", ["space"], []));
    expect(merged).toEqual({
      ok: true,
      changed: true,
      added: ["target workspace"],
      text: `{
  "action": "space.archived",
  "description": "A space was archived",
  "targets": [
    {
      "type": "workspace"
    },
    {
      "type": "space",
      "label": "Space"
    }
  ]
}
`,
    });
  });

  it("adds targets and metadata keys that are missing altogether in the canonical order", () => {
    const merged = mergeSchema(FILE, `{\n  "action": "space.archived"\n}\n`, buildSchema("space.archived", [], ["space_kind"]));
    expect(merged.ok && merged.text).toBe(`{
  "action": "space.archived",
  "targets": [
    {
      "type": "workspace"
    }
  ],
  "metadata": {
    "space_kind": "string"
  }
}
`);
  });

  it("leaves a schema that already has everything exactly as it is, whatever its formatting", () => {
    const compact = `{"action":"space.archived","targets":[{"type":"workspace"},{"type":"space"},{"type":"user"}],"metadata":{"archived_by":"string","space_kind":"string"}}`;
    expect(mergeSchema(FILE, compact, wanted)).toEqual({ ok: true, text: compact, changed: false, added: [] });
    const created = serializeSchema(wanted);
    expect(mergeSchema(FILE, created, wanted)).toEqual({ ok: true, text: created, changed: false, added: [] });
  });

  it.each([
    ["a different action", `{\n  "action": "space.deleted",\n  "targets": []\n}\n`, 2, 13, `"action" is "space.deleted", but this is the schema of "space.archived"`],
    ["a metadata type other than string", `{\n  "action": "space.archived",\n  "metadata": {\n    "space_kind": "string",\n    "member_count": "number"\n  }\n}\n`, 5, 21, `metadata "member_count" is declared "number"; AUDIT5: every metadata value is declared "string"`],
    ["a metadata value that is not a string at all", `{ "action": "space.archived", "metadata": { "space_kind": 1 } }`, 1, 59, `metadata "space_kind" is declared 1; AUDIT5: every metadata value is declared "string"`],
    ["targets that are not an array", `{ "action": "space.archived", "targets": "workspace" }`, 1, 42, `"targets" must be an array of { "type": ... }, found "workspace"`],
    ["a target without a type", `{ "action": "space.archived", "targets": [{ "type": "workspace" }, { "id": "x" }] }`, 1, 68, `targets[1] has no string "type"`],
    ["no action", `{ "targets": [] }`, 1, 1, `the schema has no "action"`],
    ["a top-level array", `[]`, 1, 1, "a schema is a JSON object, found an array"],
  ])("reports %s with its position and changes nothing", (_what, text, line, column, message) => {
    expect(mergeSchema(FILE, text, wanted)).toEqual({ ok: false, error: { file: FILE, line, column, message } });
  });

  it.each([
    ["a trailing comma", `{\n  "action": "space.archived",\n}\n`, 3, 1, "not valid JSON: expected a property name in double quotes, found `}`"],
    ["a missing comma", `{\n  "action": "space.archived"\n  "targets": []\n}\n`, 3, 3, "not valid JSON: expected `,` or `}` after a property value, found `\"`"],
    ["a truncated file", `{\n  "action": "space.archived",\n  "targets": [\n`, 4, 1, "not valid JSON: expected a JSON value, found the end of the file"],
    ["single quotes", `{ 'action': 'space.archived' }`, 1, 3, "not valid JSON: expected a property name in double quotes, found `'`"],
    ["a comment", `// generated\n{ "action": "space.archived" }`, 1, 1, "not valid JSON: expected a JSON value, found `/`"],
    ["two values", `{ "action": "space.archived" } {}`, 1, 32, "not valid JSON: expected nothing after the top-level value, found `{`"],
    ["a raw newline inside a string", `{ "action": "space.\narchived" }`, 1, 13, "not valid JSON: expected a JSON value, found `\"`"],
  ])("reports malformed JSON (%s) with its position", (_what, text, line, column, message) => {
    expect(mergeSchema(FILE, text, wanted)).toEqual({ ok: false, error: { file: FILE, line, column, message } });
  });
});

describe("readSchema", () => {
  it("returns the action, target types and metadata keys with the action's position", () => {
    expect(readSchema(FILE, serializeSchema(buildSchema("space.archived", ["space"], ["space_kind"])))).toEqual({
      ok: true,
      action: "space.archived",
      targets: ["workspace", "space"],
      metadata: ["space_kind"],
      actionAt: { line: 2, column: 13 },
    });
  });

  it("accepts every JSON value kind where the schema allows unknown keys", () => {
    const text = `{"action":"a.created","extra":[true,false,null,-1.5e3,"\\u00e9\\n"],"targets":[]}`;
    expect(readSchema(FILE, text)).toMatchObject({ ok: true, action: "a.created", targets: [], metadata: [] });
  });
});
