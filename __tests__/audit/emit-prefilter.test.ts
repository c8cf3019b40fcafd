import * as fs from "node:fs";
import * as path from "node:path";
import fg from "fast-glob";
import { mayContainEmit, mayHaveUnvoidedEmit } from "../../src/audit/emit";
import { DEFAULT_CONVENTIONS } from "../../src/audit/types";
import { transformSource } from "../../src/engine/transform-source";

describe("mayHaveUnvoidedEmit (await-to-void's text prefilter)", () => {
  it.each([
    ["no emit at all", "export const x = 1;\n", false],
    ["an import only", 'import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";\n', false],
    ["void statements only", 'void emitAuditLogEvent({ auth, action: "a.b", targets: [] });\nvoid emitAuditLogEventDirect({ workspace });\n', false],
    ["void through a namespace", 'void audit.emitAuditLogEvent({ auth, metadata: { n: String(f(1, (2))) } });\n', false],
    ["comments and strings with parens in the event", 'void emitAuditLogEvent({ a: ")", /* ) */ b: "(" });\n', false],
    ["the helper's own declaration", "export async function emitAuditLogEvent(event: AuditEvent) {}\n", false],
    ["an awaited emit", "await emitAuditLogEvent({ auth });\n", true],
    ["a returned emit", "return emitAuditLogEvent({ auth });\n", true],
    ["an assigned emit", "const p = emitAuditLogEvent({ auth });\n", true],
    ["a bare emit statement", "emitAuditLogEvent({ auth });\n", true],
    ["a voided emit that is chained", "void emitAuditLogEvent({ auth }).then(() => log());\n", true],
    ["a voided emit chained on the next line", "void emitAuditLogEvent({ auth })\n  .catch(() => undefined);\n", true],
    ["a template literal in the event", "void emitAuditLogEvent({ action: `space.${verb}` });\n", true],
    ["a regex or division in the event", "void emitAuditLogEvent({ n: String(a / b) });\n", true],
    ["type arguments", "void emitAuditLogEvent<Ev>({ auth });\n", true],
    ["an emit in Promise.all", "await Promise.all([emitAuditLogEvent({ auth })]);\n", true],
    ["a renamed import (its calls carry another name)", 'import { emitAuditLogEvent as emitAudit } from "@app/lib/api/audit/workos_audit";\nvoid emitAudit({ auth });\n', true],
  ])("%s", (_name, source, expected) => {
    expect(mayHaveUnvoidedEmit(source)).toBe(expected);
  });

  // The prefilter must never hide work: wherever it says no, the transform changes and reports nothing.
  const root = path.join(__dirname, "..", "..");
  const files = fg.sync(["__testfixtures__/**/*.ts", "examples/front/**/*.ts"], { cwd: root });
  it(`never hides a change or a finding (${files.length} fixture and example files)`, () => {
    const hidden: string[] = [];
    let skipped = 0;
    for (const file of files) {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      if (mayHaveUnvoidedEmit(text)) continue;
      skipped++;
      const outcome = transformSource(file, text, [{ name: "await-to-void" }], DEFAULT_CONVENTIONS);
      if (outcome.status !== "unchanged" || outcome.findings.length > 0) hidden.push(file);
    }
    expect(hidden).toEqual([]);
    expect(skipped).toBeGreaterThan(50);
  });
});

describe("the prefilters with the audit module's own emit names", () => {
  const names = ["emitAuditEvent", "emitAuditLogEventForSystem"];
  it.each([
    ["a voided learned emit", "void emitAuditEvent({ auth });\n", false],
    ["an awaited learned emit", "await emitAuditEvent({ auth });\n", true],
    ["an awaited third emit whose name extends a standard one", "await emitAuditLogEventForSystem({ workspace });\n", true],
    ["a renamed import of a learned emit", 'import { emitAuditEvent as audit } from "@app/lib/api/audit/workos_audit";\nvoid audit({ auth });\n', true],
    ["a longer name that only starts with a learned one", "await emitAuditEventLater({ auth });\n", false],
    ["a standard name, not among the module's", "await emitAuditLogEvent({ auth });\n", false],
  ])("mayHaveUnvoidedEmit: %s", (_name, source, expected) => {
    expect(mayHaveUnvoidedEmit(source, names)).toBe(expected);
  });

  it("mayContainEmit holds a file that names any of them, and only those", () => {
    expect(mayContainEmit("void emitAuditLogEventForSystem({ workspace });\n", names)).toBe(true);
    expect(mayContainEmit("void emitAuditLogEvent({ auth });\n", names)).toBe(false);
    expect(mayContainEmit("void emitAuditLogEvent({ auth });\n")).toBe(true);
  });

  // As above: wherever the prefilter says no under the learned names, the transform with those names does nothing.
  it("never hides a change or a finding in a repo whose module names its emits otherwise", () => {
    const root = path.join(__dirname, "..", "data", "renamed-emit-front");
    const conventions = { ...DEFAULT_CONVENTIONS, module: { ...DEFAULT_CONVENTIONS.module, emitFunctions: [
      { name: "emitAuditEvent", kind: "auth" as const, params: ["auth", "action", "targets"] },
      { name: "emitAuditLogEventForSystem", kind: "direct" as const, params: ["workspace", "actor", "action", "targets"] },
    ] } };
    const files = fg.sync(["**/*.ts"], { cwd: root });
    const reports = files.map((file) => {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      const outcome = transformSource(file, text, [{ name: "await-to-void" }], conventions);
      return `${file}: prefilter ${mayHaveUnvoidedEmit(text, names)}, ${outcome.status}`;
    });
    expect(reports.sort()).toEqual([
      "lib/api/audit/workos_audit.ts: prefilter false, unchanged",
      "pages/api/w/[wId]/spaces/index.ts: prefilter true, changed",
      "temporal/data_retention/activities.ts: prefilter true, changed",
    ]);
  });
});
