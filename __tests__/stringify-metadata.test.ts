import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defineFixtureSuite, loadFixture } from "./helpers/fixtures";
import { textOutside, type PickedNode } from "./helpers/unchanged-outside";
import { fileTypes, typecheckCost } from "../src/audit/typecheck";
import { parseForEdit } from "../src/engine/parse";
import { DEFAULT_CONVENTIONS } from "../src/audit/types";
import { transformSource } from "../src/engine/transform-source";

defineFixtureSuite("stringify-metadata");

/** The `metadata` object of an emit's event. */
function metadataObject(node: PickedNode, parent: PickedNode | null): boolean {
  if (!parent || parent.type !== "ObjectProperty" || parent.value !== node) return false;
  return (parent.key as { name?: string }).name === "metadata";
}

describe("stringify-metadata leaves everything outside the metadata objects byte for byte", () => {
  it.each(["next-handler-switch", "comments-inside-object", "single-line-and-trailing-comma", "crlf", "shorthand", "not-provably-string", "evidence-only"])("%s", (name) => {
    const c = loadFixture("stringify-metadata", name);
    const result = transformSource(`lib/${name}.ts`, c.input, [{ name: "stringify-metadata", options: c.options }], DEFAULT_CONVENTIONS);
    expect(result.status).toBe("changed");
    expect(textOutside(result.output as string, metadataObject)).toEqual(textOutside(c.input, metadataObject));
    // The pick is not vacuous: the metadata objects did change.
    expect(result.output).not.toBe(c.input);
  });

  it("only ever touches emit events", () => {
    const source = 'const count = items.length;\nconst metadata = { count };\nlog({ metadata: { count } });\nvoid emitAuditLogEvent({ auth, action: "a.b", targets: [], metadata: { count } });\n';
    const result = transformSource("lib/x.ts", source, [{ name: "stringify-metadata" }], DEFAULT_CONVENTIONS);
    expect(result.output).toBe(
      'const count = items.length;\nconst metadata = { count };\nlog({ metadata: { count } });\nvoid emitAuditLogEvent({ auth, action: "a.b", targets: [], metadata: { count: String(count) } });\n',
    );
  });
});

describe("stringify-metadata --typecheck", () => {
  let root: string;
  const handler = [
    'import type { SpaceInfo } from "./types";',
    'import { emitAuditLogEvent } from "./audit";',
    "",
    "export function onRename(auth: unknown, space: SpaceInfo, extra: any) {",
    "  const { slug } = space;",
    "  void emitAuditLogEvent({",
    "    auth,",
    '    action: "space.updated",',
    "    targets: [],",
    "    metadata: {",
    "      space_name: space.name,",
    "      space_kind: space.kind,",
    "      slug,",
    "      member_count: space.memberCount,",
    "      archived_at: space.archivedAt,",
    "      raw: extra,",
    "    },",
    "  });",
    "}",
    "",
  ].join("\n");
  const wrappedAll = handler
    .replace("space_name: space.name", "space_name: String(space.name)")
    .replace("space_kind: space.kind", "space_kind: String(space.kind)")
    .replace("      slug,", "      slug: String(slug),")
    .replace("member_count: space.memberCount", "member_count: String(space.memberCount)")
    .replace("archived_at: space.archivedAt", "archived_at: String(space.archivedAt)")
    .replace("raw: extra", "raw: String(extra)");
  // With the checker: the string-typed properties stay; number, string | undefined and any are wrapped.
  const wrappedByChecker = handler
    .replace("member_count: space.memberCount", "member_count: String(space.memberCount)")
    .replace("archived_at: space.archivedAt", "archived_at: String(space.archivedAt)")
    .replace("raw: extra", "raw: String(extra)");

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-typecheck-"));
    const write = (file: string, text: string) => fs.writeFileSync(path.join(root, file), text);
    write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "commonjs" }, include: ["*.ts"] }, null, 2));
    write("types.ts", 'export interface SpaceInfo {\n  name: string;\n  kind: "regular" | "public";\n  slug: string;\n  memberCount: number;\n  archivedAt?: string;\n}\n');
    write("audit.ts", "export async function emitAuditLogEvent(event: { metadata?: Record<string, unknown> }): Promise<void> {\n  void event;\n}\n");
    write("handler.ts", handler);
    write("handler_crlf.ts", handler.replace(/\n/g, "\r\n"));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const run = (file: string, text: string, options: Record<string, unknown>) =>
    transformSource(file, text, [{ name: "stringify-metadata", options }], DEFAULT_CONVENTIONS);

  const undecided =
    '6 metadata value(s) may not be strings: "space_name" (line 11), "space_kind" (line 12), "slug" (line 13) and 3 more; left as written (AUDIT5): use --typecheck to decide them with the TypeScript checker, or --wrap-unknown to wrap them';

  it("without --typecheck, values read from an imported type are left as written and noted once", () => {
    const result = run("handler.ts", handler, {});
    expect(result.status).toBe("unchanged");
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([`11:19 info ${undecided}`]);
  });

  it("with --wrap-unknown, every value that is not provably a string is wrapped (the old rule)", () => {
    const result = run("handler.ts", handler, { wrapUnknown: true });
    expect(result.output).toBe(wrappedAll);
    expect(result.findings).toEqual([]);
  });

  it("with --typecheck, the checker leaves it alone", () => {
    const result = run("handler.ts", handler, { typecheck: true, root });
    expect(result.findings).toEqual([]);
    expect(result.output).toBe(wrappedByChecker);
  });

  it("with --typecheck, a CRLF file is mapped by line and column", () => {
    const crlf = handler.replace(/\n/g, "\r\n");
    const result = run("handler_crlf.ts", crlf, { typecheck: true, root });
    expect(result.output).toBe(wrappedByChecker.replace(/\n/g, "\r\n"));
  });

  it("with --typecheck, a tab-indented file is mapped through recast's re-rendered columns", () => {
    const tabs = handler.replace(/^( +)/gm, (spaces) => "\t".repeat(spaces.length / 2));
    fs.writeFileSync(path.join(root, "handler_tabs.ts"), tabs);
    const result = run("handler_tabs.ts", tabs, { typecheck: true, root });
    expect(result.output).toBe(wrappedByChecker.replace(/^( +)/gm, (spaces) => "\t".repeat(spaces.length / 2)));
  });

  it("with --typecheck, a second run changes nothing", () => {
    fs.writeFileSync(path.join(root, "handler_done.ts"), wrappedByChecker);
    expect(run("handler_done.ts", wrappedByChecker, { typecheck: true, root }).status).toBe("unchanged");
  });

  const undecidedChecked = undecided.replace("use --typecheck to decide them with the TypeScript checker", "the TypeScript checker could not answer for them");

  it("when the text is not the file the checker read, it says so and leaves the undecided values as written", () => {
    const edited = handler.replace("export function onRename", "export function onRenamed");
    const result = run("handler.ts", edited, { typecheck: true, root });
    expect(result.status).toBe("unchanged");
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      "1:1 info --typecheck: handler.ts differs from the copy the TypeScript project read; values the syntax cannot tell were left as written",
      `11:19 info ${undecidedChecked}`,
    ]);
  });

  it("without a tsconfig.json at the root, it says so and leaves the undecided values as written", () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-no-tsconfig-"));
    try {
      const result = run("handler.ts", handler, { typecheck: true, root: bare });
      expect(result.status).toBe("unchanged");
      expect(result.findings.map((f) => f.message)).toEqual([`--typecheck: no tsconfig.json at ${bare}; values the syntax cannot tell were left as written`, undecidedChecked]);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });

  it("after an earlier step in the same pass edited the file, unchanged values are still found by position", () => {
    const awaited = handler.replace("  void emitAuditLogEvent({", "  await emitAuditLogEvent({").replace("export function", "export async function");
    fs.writeFileSync(path.join(root, "handler_awaited.ts"), awaited);
    const steps = [{ name: "await-to-void" }, { name: "stringify-metadata", options: { typecheck: true, root } }];
    const result = transformSource("handler_awaited.ts", awaited, steps, DEFAULT_CONVENTIONS);
    expect(result.output).toBe(wrappedByChecker.replace("export function", "export async function"));
  });

  it("loads only the file that needs answers and what it imports, not the whole tsconfig", () => {
    const lazy = fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-lazy-"));
    try {
      for (const file of ["tsconfig.json", "types.ts", "audit.ts"]) fs.copyFileSync(path.join(root, file), path.join(lazy, file));
      fs.writeFileSync(path.join(lazy, "handler.ts"), handler);
      for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(lazy, `unrelated_${i}.ts`), `export const n${i} = ${i};\n`);
      const before = typecheckCost().files;
      expect(run("handler.ts", handler, { typecheck: true, root: lazy }).output).toBe(wrappedByChecker);
      expect(typecheckCost().files - before).toBe(3);
    } finally {
      fs.rmSync(lazy, { recursive: true, force: true });
    }
  });

  describe("fileTypes", () => {
    const types = () => {
      const result = fileTypes(root, "handler.ts", handler);
      if (!result.ok) throw new Error(result.reason);
      return result.types;
    };
    const valueAt = (text: string, source: string) => {
      const { j, root: tree } = parseForEdit(text, "ts");
      return tree.find(j.MemberExpression, { property: { name: source } }).paths()[0].node;
    };

    it("answers for a node of the file", () => {
      expect(types().isString(valueAt(handler, "name"))).toBe(true);
      expect(types().isString(valueAt(handler, "memberCount"))).toBe(false);
    });

    it("does not answer for a node a step built (no position)", () => {
      const { j } = parseForEdit("", "ts");
      expect(types().isString(j.memberExpression(j.identifier("space"), j.identifier("name")))).toBeNull();
    });

    it("does not answer for a node parsed from other text that lands on a node of the file", () => {
      // `other.name` on line 11, columns 18-28: exactly where the file has `space.name`.
      const snippet = `${"\n".repeat(10)}${" ".repeat(18)}other.name;`;
      const node = valueAt(snippet, "name") as unknown as { loc: { start: { line: number; column: number } } };
      expect([node.loc.start.line, node.loc.start.column]).toEqual([11, 18]);
      expect(handler.split("\n")[10].slice(18, 28)).toBe("space.name");
      expect(types().isString(node)).toBeNull();
    });

    it("answers for values whose first token is punctuation or a keyword, not a node of its own", () => {
      const shapes = [
        'import type { SpaceInfo } from "./types";',
        "",
        "export function describe(space: SpaceInfo) {",
        "  return {",
        "    template: `${space.slug}-x`,",
        "    kind_of: typeof space.name,",
        "    list: [space.name],",
        "    fallback: space.archivedAt ?? space.name,",
        "    created: new Date().toISOString(),",
        "    missing: !space.name,",
        "  };",
        "}",
        "",
      ].join("\n");
      fs.writeFileSync(path.join(root, "shapes.ts"), shapes);
      const result = fileTypes(root, "shapes.ts", shapes);
      if (!result.ok) throw new Error(result.reason);
      const { j, root: tree } = parseForEdit(shapes, "ts");
      const answers = Object.fromEntries(
        tree
          .find(j.ObjectProperty)
          .nodes()
          .map((p) => [(p.key as { name: string }).name, result.types.isString(p.value)]),
      );
      expect(answers).toEqual({ template: true, kind_of: true, list: false, fallback: true, created: true, missing: false });
    });
  });
});
