import { snapshotTree, spliceChanges } from "../../src/audit/splice";
import { DEFAULT_CONVENTIONS } from "../../src/audit/types";
import { parseForEdit, parseForProbe, printNew } from "../../src/engine/parse";
import { resolveSteps } from "../../src/engine/pipeline";
import { transformSource } from "../../src/engine/transform-source";

/** Runs one step on a plain babel tree and splices its changes; also prints the same edit with recast. */
function splice(step: string, source: string): { spliced: ReturnType<typeof spliceChanges>; recast: string } {
  const [core] = resolveSteps([{ name: step }]);
  const context = (j: never, root: never) => ({ j, root, file: "lib/x.ts", source, conventions: DEFAULT_CONVENTIONS, options: {}, report: () => undefined });
  const probe = parseForProbe(source, "ts");
  const file = probe.root.get().node as object;
  const snapshot = snapshotTree(file);
  core.apply(context(probe.j as never, probe.root as never));
  const edit = parseForEdit(source, "ts");
  core.apply(context(edit.j as never, edit.root as never));
  return { spliced: spliceChanges(source, file, snapshot, (node) => printNew(node, "double")), recast: edit.root.toSource({ quote: "double" }) };
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

  it("declines a comment inside the replaced code, a grown list and a parenthesized moved node", () => {
    const commented = `${IMPORT}export async function f(auth: Authenticator) {\n  await /* why */ emitAuditLogEvent({ auth });\n}\n`;
    expect(splice("await-to-void", commented).spliced).toEqual({ ok: false, reason: "a comment lies inside the replaced code" });
    const parenthesized = `${IMPORT}export async function f(auth: Authenticator) {\n  await (emitAuditLogEvent({ auth }));\n}\n`;
    expect(splice("await-to-void", parenthesized).spliced).toEqual({ ok: false, reason: "an original node moved into new code was edited too, or is parenthesized" });
    const beside = `${IMPORT}export function f(auth: Authenticator, n: number) {\n  void emitAuditLogEvent({ auth, metadata: { n: /* count */ n } });\n}\n`;
    expect(splice("stringify-metadata", beside).spliced).toEqual({ ok: false, reason: "the replaced code carries comments of its own" });
    const missingWorkspace = `${IMPORT}export function f(auth: Authenticator) {\n  void emitAuditLogEvent({ auth, action: "space.deleted", targets: [] });\n}\n`;
    expect(splice("workspace-target", missingWorkspace).spliced.ok).toBe(false);
  });

  it("leaves a file untouched when no step changed it", () => {
    const source = `${IMPORT}export function f(auth: Authenticator) {\n  void emitAuditLogEvent({ auth });\n}\n`;
    const probe = parseForProbe(source, "ts");
    const file = probe.root.get().node as object;
    expect(spliceChanges(source, file, snapshotTree(file), (node) => printNew(node, "double"))).toEqual({ ok: true, text: source });
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
});
