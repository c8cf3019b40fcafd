import * as fs from "node:fs";
import * as path from "node:path";
import { diffChars } from "diff";
import fc from "fast-check";
import { addActions, readRegistry, type RegistryLayout } from "../../src/registry/registry";

const DIR = path.join(__dirname, "..", "..", "__testfixtures__", "registry");

const cases = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".input.ts"))
  .map((f) => f.slice(0, -".input.ts".length))
  .sort();

function load(name: string) {
  const read = (ext: string) => fs.readFileSync(path.join(DIR, name + ext), "utf8");
  const spec = JSON.parse(read(".actions.json")) as { layout: RegistryLayout; add: string[] };
  return { input: read(".input.ts"), expected: read(".output.ts"), ...spec };
}

/** The text an edit removed: only `never` (and the space before a multi-line fill) may go. */
function removedText(before: string, after: string): string {
  return diffChars(before, after)
    .filter((part) => part.removed)
    .map((part) => part.value)
    .join("");
}

describe("registry fixtures", () => {
  it("has fixtures for every layout", () => {
    const layouts = new Set(cases.map((c) => load(c).layout));
    expect([...layouts].sort()).toEqual(["const-array", "never", "union"]);
  });

  for (const name of cases) {
    describe(name, () => {
      const c = load(name);
      const file = `${name}.ts`;
      const edit = addActions(file, c.input, c.add);

      it("reads the input's layout", () => {
        const read = readRegistry(file, c.input);
        expect(read.ok && read.layout).toBe(c.layout);
      });

      it("matches the expected output exactly", () => {
        expect(edit.ok ? edit.text : edit.error).toBe(c.expected);
      });

      it("only inserts: every other byte of the file stays", () => {
        if (c.layout !== "never") {
          expect(removedText(c.input, c.expected)).toBe("");
          return;
        }
        // `never` (and, for a multi-line fill, the space before it) is replaced; the bytes around it stay.
        const at = c.input.indexOf(" never;");
        expect(c.expected.startsWith(c.input.slice(0, at))).toBe(true);
        expect(c.expected.endsWith(c.input.slice(at + " never".length))).toBe(true);
      });

      it("the output reads back with the old entries and every added one", () => {
        const before = readRegistry(file, c.input);
        const after = readRegistry(file, c.expected);
        expect(before.ok && after.ok).toBe(true);
        if (!before.ok || !after.ok) return;
        expect(new Set(after.actions)).toEqual(new Set([...before.actions, ...c.add]));
        expect(after.actions.length).toBe(new Set([...before.actions, ...c.add]).size);
      });

      it("adding the same actions again changes nothing", () => {
        const again = addActions(file, c.expected, c.add);
        expect(again).toEqual({ ok: true, text: c.expected, added: [] });
      });
    });
  }
});

describe("readRegistry", () => {
  it("lists actions in file order with the position of each entry", () => {
    const text = 'export type AuditAction =\n  | "space.created"\n  // groups\n  | "group.member_added";\n';
    expect(readRegistry("lib/api/audit/workos_audit.ts", text)).toEqual({
      ok: true,
      layout: "union",
      actions: ["space.created", "group.member_added"],
      entries: [
        { action: "space.created", line: 2, column: 5 },
        { action: "group.member_added", line: 4, column: 5 },
      ],
    });
  });

  it("reads a one-member union and a never start", () => {
    expect(readRegistry("r.ts", 'export type AuditAction = "space.created";\n')).toMatchObject({ ok: true, layout: "union", actions: ["space.created"] });
    expect(readRegistry("r.ts", "export type AuditAction = never;\n")).toEqual({ ok: true, layout: "never", actions: [], entries: [] });
  });

  const EXPECTED =
    'expected `export type AuditAction = "space.created" | ...` (a union of string literals), ' +
    "`export type AuditAction = (typeof AUDIT_ACTIONS)[number]` over `const AUDIT_ACTIONS = [...] as const`, " +
    "or `export type AuditAction = never`";

  it.each([
    ["no AuditAction at all", 'export const x = "space.created";\n', 1, 1, `no \`type AuditAction\` in this file; ${EXPECTED}`],
    ["a type that is no layout", "import x from 'y';\nexport type AuditAction = string;\n", 2, 27, `\`type AuditAction = string\` is not a registry layout; ${EXPECTED}`],
    ["a union with a non-literal member", 'type Legacy = "a.b";\nexport type AuditAction =\n  | "space.created"\n  | Legacy;\n', 4, 5, `AuditAction member \`Legacy\` is not a string literal; ${EXPECTED}`],
    ["an array without as const", 'export const AUDIT_ACTIONS = ["space.created"];\nexport type AuditAction = (typeof AUDIT_ACTIONS)[number];\n', 1, 14, `\`AUDIT_ACTIONS\` is not an array literal ending in \`as const\`; ${EXPECTED}`],
    ["an array with a spread", 'const OLD = ["user.login"] as const;\nexport const AUDIT_ACTIONS = [\n  ...OLD,\n  "space.created",\n] as const;\nexport type AuditAction = (typeof AUDIT_ACTIONS)[number];\n', 3, 3, `\`AUDIT_ACTIONS\` element \`...OLD\` is not a string literal; ${EXPECTED}`],
    ["an array declared elsewhere", 'import { AUDIT_ACTIONS } from "./actions";\nexport type AuditAction = (typeof AUDIT_ACTIONS)[number];\n', 2, 27, `AuditAction is derived from \`AUDIT_ACTIONS\`, which is not declared in this file; ${EXPECTED}`],
    ["a file that does not parse", 'export type AuditAction =\n  | "space.created"\n  | ;\n', 3, 5, "does not parse: Type expected."],
  ])("%s is an error with its position", (_what, text, line, column, message) => {
    expect(readRegistry("lib/api/audit/workos_audit.ts", text)).toEqual({ ok: false, error: { file: "lib/api/audit/workos_audit.ts", line, column, message } });
  });

  it("addActions on a file with no layout returns the same error and no text", () => {
    expect(addActions("r.ts", "export type AuditAction = string;\n", ["space.created"])).toEqual(readRegistry("r.ts", "export type AuditAction = string;\n"));
  });
});

describe("addActions (properties)", () => {
  const resource = fc.constantFrom("space", "user", "api_key", "group", "trigger", "agent");
  const verb = fc.constantFrom("created", "deleted", "updated", "revoked", "login_failed", "member_added");
  const action = fc.tuple(resource, verb).map(([r, v]) => `${r}.${v}`);
  const layouts = [
    (actions: string[]) => `export type AuditAction =\n${actions.map((a) => `  | "${a}"`).join("\n")};\n\nexport const other = 1;\n`,
    (actions: string[]) => `export const AUDIT_ACTIONS = [\n${actions.map((a) => `  "${a}",`).join("\n")}\n] as const;\nexport type AuditAction = (typeof AUDIT_ACTIONS)[number];\n`,
    (actions: string[]) => `export type AuditAction = ${actions.map((a) => `'${a}'`).join(" | ")};\n`,
  ];

  it("keeps every old entry and byte, adds each new action once, next to its resource when it has one", () => {
    fc.assert(
      fc.property(fc.uniqueArray(action, { minLength: 1, maxLength: 6 }), fc.array(action, { maxLength: 6 }), fc.constantFrom(0, 1, 2), (initial, added, layout) => {
        const text = layouts[layout](initial);
        const edit = addActions("r.ts", text, added);
        if (!edit.ok) throw new Error(edit.error.message);
        expect(removedText(text, edit.text)).toBe("");
        const read = readRegistry("r.ts", edit.text);
        if (!read.ok) throw new Error(read.error.message);
        const all = [...new Set([...initial, ...added])];
        expect([...read.actions].sort()).toEqual(all.sort());
        edit.added.forEach((a, n) => {
          const prefix = a.slice(0, a.indexOf(".") + 1);
          const hadResource = [...initial, ...edit.added.slice(0, n)].some((x) => x.startsWith(prefix));
          const i = read.actions.indexOf(a);
          // Next to its resource when the registry had it, else at the end at the time it was added.
          if (hadResource) expect(read.actions[i - 1].startsWith(prefix)).toBe(true);
          else expect(read.actions.slice(0, i)).toEqual(expect.arrayContaining(initial));
        });
        expect(addActions("r.ts", edit.text, added)).toEqual({ ok: true, text: edit.text, added: [] });
      }),
      { numRuns: 60 },
    );
  });
});
