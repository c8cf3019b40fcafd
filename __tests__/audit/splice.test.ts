import { printLayout } from "../../src/audit/print";
import { snapshotTree, spliceChanges } from "../../src/audit/splice";
import { DEFAULT_CONVENTIONS } from "../../src/audit/types";
import { parseForEdit, parseForProbe, printNew } from "../../src/engine/parse";
import { resolveSteps } from "../../src/engine/pipeline";
import { transformSource } from "../../src/engine/transform-source";

/** Runs one step on a plain babel tree and splices its changes; also prints the same edit with recast. */
function splice(step: string, source: string, options: Record<string, unknown> = {}): { spliced: ReturnType<typeof spliceChanges>; recast: string } {
  const [core] = resolveSteps([{ name: step }]);
  const context = (j: never, root: never) => ({ j, root, file: "lib/x.ts", source, conventions: DEFAULT_CONVENTIONS, options, report: () => undefined });
  const probe = parseForProbe(source, "ts");
  const file = probe.root.get().node as object;
  const snapshot = snapshotTree(file);
  core.apply(context(probe.j as never, probe.root as never));
  const edit = parseForEdit(source, "ts");
  core.apply(context(edit.j as never, edit.root as never));
  return { spliced: spliceChanges(source, file, snapshot, (node, layout) => printNew(node, "double", layout), () => printLayout(source)), recast: edit.root.toSource({ quote: "double" }) };
}

const IMPORT = 'import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";\n\n';

describe("splice printer", () => {
  it("replaces only the edited expression and prints what recast prints", () => {
    const source = `${IMPORT}export async function f(auth: Authenticator) {\n  await emitAuditLogEvent({\n    auth,\n    action: "space.deleted",\n  });\n}\n`;
    const { spliced, recast } = splice("await-to-void", source);
    expect(spliced).toEqual({ ok: true, text: source.replace("await emitAuditLogEvent", "void emitAuditLogEvent") });
    expect(recast).toBe(source.replace("await emitAuditLogEvent", "void emitAuditLogEvent"));
  });

  it("keeps tab indentation byte for byte", () => {
    const source = `${IMPORT}export async function f(auth: Authenticator) {\n\tif (auth) {\n\t\tawait emitAuditLogEvent({\n\t\t\tauth,\n\t\t\taction: "space.deleted",\n\t\t});\n\t}\n}\n`;
    const { spliced } = splice("await-to-void", source);
    expect(spliced).toEqual({ ok: true, text: source.replace("await emitAuditLogEvent", "void emitAuditLogEvent") });
  });

  it("prints a shorthand metadata value anew as `key: String(key)`", () => {
    const source = `${IMPORT}export function f(auth: Authenticator, count: number) {\n  void emitAuditLogEvent({ auth, action: "space.deleted", metadata: { count } });\n}\n`;
    const { spliced, recast } = splice("stringify-metadata", source);
    expect(spliced).toEqual({ ok: true, text: recast });
    expect(recast).toContain("metadata: { count: String(count) }");
  });

  it("declines a comment inside the replaced code and a parenthesized moved node", () => {
    const commented = `${IMPORT}export async function f(auth: Authenticator) {\n  await /* why */ emitAuditLogEvent({ auth });\n}\n`;
    expect(splice("await-to-void", commented).spliced).toEqual({ ok: false, reason: "a comment lies inside the replaced code" });
    const parenthesized = `${IMPORT}export async function f(auth: Authenticator) {\n  await (emitAuditLogEvent({ auth }));\n}\n`;
    expect(splice("await-to-void", parenthesized).spliced).toEqual({ ok: false, reason: "an original node moved into new code was edited too, or is parenthesized, or sits in code parsed from a snippet" });
    const beside = `${IMPORT}export function f(auth: Authenticator, n: number) {\n  void emitAuditLogEvent({ auth, metadata: { n: /* count */ n } });\n}\n`;
    expect(splice("stringify-metadata", beside).spliced).toEqual({ ok: false, reason: "the replaced code carries comments of its own" });
    const missingWorkspace = `${IMPORT}export function f(auth: Authenticator) {\n  void emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });\n}\n`;
    // The targets array is printed anew in its slot: what recast prints.
    const grown = splice("workspace-target", missingWorkspace);
    expect(grown.spliced).toEqual({ ok: true, text: grown.recast });
  });

  it("leaves a file untouched when no step changed it", () => {
    const source = `${IMPORT}export function f(auth: Authenticator) {\n  void emitAuditLogEvent({ auth });\n}\n`;
    const probe = parseForProbe(source, "ts");
    const file = probe.root.get().node as object;
    expect(spliceChanges(source, file, snapshotTree(file), (node, layout) => printNew(node, "double", layout), () => printLayout(source))).toEqual({ ok: true, text: source });
  });

  it("two steps editing one emit: the moved call was edited too, so the file is printed by recast, in step order", () => {
    const source = `${IMPORT}export async function f(auth: Authenticator, n: number) {\n  await emitAuditLogEvent({ auth, action: "space.deleted", metadata: { n } });\n}\n`;
    const outcome = transformSource("lib/x.ts", source, [{ name: "await-to-void" }, { name: "stringify-metadata" }], DEFAULT_CONVENTIONS);
    expect(outcome).toMatchObject({
      status: "changed",
      output: `${IMPORT}export async function f(auth: Authenticator, n: number) {\n  void emitAuditLogEvent({ auth, action: "space.deleted", metadata: { n: String(n) } });\n}\n`,
    });
  });

  it("a run over a tab-indented file changes only the awaited emit", () => {
    const source = `${IMPORT}export async function f(auth: Authenticator) {\n\tawait emitAuditLogEvent({\n\t\tauth,\n\t});\n\treturn 1;\n}\n`;
    const outcome = transformSource("lib/x.ts", source, [{ name: "await-to-void" }], DEFAULT_CONVENTIONS);
    expect(outcome).toMatchObject({ status: "changed", output: source.replace("\tawait emitAuditLogEvent", "\tvoid emitAuditLogEvent") });
  });

  it("prints a node whose own list grew (an argument added in place) anew, its other children taken as text", () => {
    const source = `import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";\n\nexport async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {\n  void emitAuditLogEvent({\n    auth,\n    action: "space.deleted",\n    context: getAuditLogContext(auth),\n  });\n}\n`;
    const { spliced, recast } = splice("audit-context", source);
    expect(spliced).toEqual({ ok: true, text: recast });
    expect(recast).toBe(source.replace("getAuditLogContext(auth)", "getAuditLogContext(auth, req)"));
  });

  describe("new statements", () => {
    const SPEC = { action: "agent.archived", mutation: "*.archive", targets: [{ type: "agent", resource: "agent" }] };
    const HEAD = `import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";\nimport type { Authenticator } from "@app/lib/auth";\n\n`;
    // Odd spacing in code the step does not touch: recast would keep it too, the splice printer never reads it.
    const ELSEWHERE = `export function other( a:number ){return a+1}   \n\n`;
    const body = (indent: string, blank = "") =>
      `export async function archive(auth: Authenticator, agent: Agent) {\n${blank}${indent}const archived = await agent.archive(auth);\n${indent}if (archived.isErr()) {\n${indent}${indent}return archived;\n${indent}}\n${indent}return archived;\n}\n`;

    it("go between two statements, laid out as recast lays them out, every other byte kept", () => {
      const source = HEAD + ELSEWHERE + body("  ");
      const { spliced, recast } = splice("instrument", source, SPEC);
      expect(spliced).toEqual({ ok: true, text: recast });
      if (!spliced.ok) return;
      const at = source.indexOf("  return archived;\n}");
      const inserted = spliced.text.slice(at, spliced.text.length - (source.length - at));
      expect(spliced.text.slice(0, at) + spliced.text.slice(at + inserted.length)).toBe(source);
      expect(inserted).toMatch(/^\n {2}void emitAuditLogEvent\(\{\n {4}auth,\n {4}action: "agent\.archived",[\s\S]*\n {2}\}\);\n\n$/);
    });

    it("keep a tab-indented file in tabs", () => {
      const source = HEAD + body("\t");
      const { spliced } = splice("instrument", source, SPEC);
      expect(spliced.ok).toBe(true);
      if (!spliced.ok) return;
      const added = spliced.text.split("\n").filter((line) => !source.split("\n").includes(line));
      expect(added.length).toBeGreaterThan(3);
      for (const line of added) expect(line).toMatch(/^(\t+\S|$)/);
    });

    it("go above the comments of the statement after them, in a switch case too", () => {
      const commented = HEAD + body("  ").replace("  return archived;\n}", "  // Respond.\n  return archived;\n}");
      const first = splice("instrument", commented, SPEC);
      expect(first.spliced).toEqual({ ok: true, text: first.recast });
      expect(first.recast).toContain("  });\n\n  // Respond.\n  return archived;");
      const inCase = `${HEAD}export async function handler(auth: Authenticator, agent: Agent, method: string) {\n  switch (method) {\n    case "DELETE":\n      await agent.archive(auth);\n      return true;\n    default:\n      return false;\n  }\n}\n`;
      const second = splice("instrument", inCase, SPEC);
      expect(second.spliced).toEqual({ ok: true, text: second.recast });
      expect(second.recast).toContain('      await agent.archive(auth);\n\n      void emitAuditLogEvent({\n        auth,\n        action: "agent.archived",');
    });

    it("brace a one-line branch, the statement it held kept as its text", () => {
      const bare = `${HEAD}export async function archive(auth: Authenticator, agent: Agent, purge: boolean) {\n  if (purge) await agent.archive(auth);\n  return true;\n}\n`;
      const { spliced, recast } = splice("instrument", bare, SPEC);
      expect(spliced).toEqual({ ok: true, text: recast });
      expect(recast).toContain("  if (purge) {\n    await agent.archive(auth);\n\n    void emitAuditLogEvent({\n");
    });

    it("are left to recast where it would rewrite the block around them", () => {
      const source = HEAD + body("  ", "\n");
      expect(splice("instrument", source, SPEC).spliced).toEqual({ ok: false, reason: "recast would reprint the block the new statements go in" });
    });
  });
});
