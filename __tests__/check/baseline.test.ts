import * as fs from "node:fs";
import * as path from "node:path";
import { buildBaseline, compareWithBaseline, fingerprintOf, parseBaseline } from "../../src/check/baseline";
import type { Diagnostic } from "../../src/check/types";
import { makeTempRepo, runCli, writeFiles } from "../helpers/cli";

const REGISTRY = 'export type AuditAction = "space.deleted" | "api_key.revoked";\n';
const schema = (action: string, targets: string[], metadata: string[]) =>
  `${JSON.stringify({ action, targets: targets.map((type) => ({ type })), metadata: Object.fromEntries(metadata.map((k) => [k, "string"])) }, null, 2)}\n`;

const emit = (action: string, meta: string) =>
  [
    "  await emitAuditLogEvent({",
    "    auth,",
    `    action: "${action}",`,
    '    targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace()), { type: "space", id: space.sId, name: space.name }],',
    `    metadata: { ${meta} },`,
    "  });",
  ].join("\n");

const handler = (before: string[], body: string) =>
  [
    'import { buildWorkspaceTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";',
    ...before,
    "",
    "export async function deleteSpace(auth: Authenticator, space: SpaceResource) {",
    "  const r = await space.delete(auth);",
    "  if (r.isErr()) {",
    "    return new Err(r.error);",
    "  }",
    body,
    "  return new Ok(undefined);",
    "}",
    "",
  ].join("\n");

function tree(file: string): Record<string, string> {
  return {
    "lib/api/audit/workos_audit.ts": REGISTRY,
    "admin/audit_log_schemas/space.deleted.json": schema("space.deleted", ["workspace", "space"], ["space_kind"]),
    "admin/audit_log_schemas/api_key.revoked.json": schema("api_key.revoked", ["workspace", "api_key"], []),
    "lib/spaces.ts": file,
  };
}

const LEGACY = handler([], emit("space.deleted", "space_kind: String(space.kind)"));

describe("check --baseline / --update-baseline", () => {
  it("records existing findings; moved lines stay matched; only new findings fail; fixed ones are removable", () => {
    const dir = makeTempRepo(tree(LEGACY));
    expect(runCli(["check", "--format", "json"], dir).status).toBe(1);

    const update = runCli(["check", "--update-baseline", "audit-baseline.json"], dir);
    expect(update).toEqual({ status: 0, stdout: "", stderr: "auditmod: wrote 1 finding(s) to the baseline audit-baseline.json\n" });
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, "audit-baseline.json"), "utf8"));
    expect(baseline).toEqual({
      version: 1,
      findings: [
        {
          file: "lib/spaces.ts",
          rule: "AUDIT1",
          fingerprint: fingerprintOf({ rule: "AUDIT1", message: baseline.findings[0].message }, "  await emitAuditLogEvent({"),
          line: 8,
          message: "emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log",
        },
      ],
    });

    expect(runCli(["check", "--baseline", "audit-baseline.json"], dir)).toEqual({
      status: 0,
      stdout: "no problems; 2 files checked\n",
      stderr: "auditmod: 1 finding(s) held by the baseline, not counted; 0 baseline entries are fixed and can be removed\n",
    });

    // Twelve lines above it, re-indented: the same finding.
    writeFiles(dir, { "lib/spaces.ts": handler(Array.from({ length: 12 }, (_, i) => `const LIMIT_${i} = ${i};`), emit("space.deleted", "space_kind: String(space.kind)").replace("  await", "\tawait")) });
    expect(runCli(["check", "--baseline", "audit-baseline.json"], dir).status).toBe(0);

    // A second awaited emit is new: it alone is printed and fails.
    writeFiles(dir, { "lib/spaces.ts": handler(["const LIMIT = 3;"], `${emit("space.deleted", "space_kind: String(space.kind)")}\n${emit("api_key.revoked", "")}`) });
    const fresh = runCli(["check", "--baseline", "audit-baseline.json", "--rule", "AUDIT1"], dir);
    expect(fresh).toEqual({
      status: 1,
      stdout:
        "lib/spaces.ts:15:9  AUDIT1  emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log  (fix: auditmod run await-to-void)\n\n1 problem (1 error, 0 warnings, 0 info) in 1 file; 2 files checked\n",
      stderr: "auditmod: 1 finding(s) held by the baseline, not counted; 0 baseline entries are fixed and can be removed\n",
    });

    // The recorded one fixed: reported as removable, exit 0.
    writeFiles(dir, { "lib/spaces.ts": LEGACY.replace("await emitAuditLogEvent", "void emitAuditLogEvent") });
    expect(runCli(["check", "--baseline", "audit-baseline.json"], dir)).toEqual({
      status: 0,
      stdout: "no problems; 2 files checked\n",
      stderr:
        "auditmod: 0 finding(s) held by the baseline, not counted; 1 baseline entry is fixed and can be removed\n" +
        "  removable: lib/spaces.ts  AUDIT1  emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log  (recorded at line 8)\n",
    });
  });

  it("entries of files or rules this check did not cover are not reported as fixed", () => {
    const dir = makeTempRepo(tree(LEGACY));
    runCli(["check", "--update-baseline", "b.json"], dir);
    const quiet = "auditmod: 0 finding(s) held by the baseline, not counted; 0 baseline entries are fixed and can be removed\n";
    expect(runCli(["check", "--baseline", "b.json", "--rule", "AUDIT9"], dir)).toEqual({ status: 0, stdout: "no problems; 2 files checked\n", stderr: quiet });
    expect(runCli(["check", "admin", "--baseline", "b.json"], dir)).toEqual({ status: 0, stdout: "no problems; 0 files checked\n", stderr: quiet });
  });

  it("--format json with a baseline prints only the new findings", () => {
    const dir = makeTempRepo(tree(LEGACY));
    runCli(["check", "--update-baseline", "b.json"], dir);
    writeFiles(dir, { "lib/spaces.ts": LEGACY.replace("space_kind: String(space.kind)", "spaceKind: String(space.kind)") });
    const r = runCli(["check", "--baseline", "b.json", "--format", "json"], dir);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).map((d: Diagnostic) => `${d.line} ${d.rule}`)).toEqual(["12 AUDIT9", "12 AUDIT10"]);
  });

  it("a missing or malformed baseline is a usage error (exit 2); the two flags exclude each other", () => {
    const dir = makeTempRepo({ ...tree(LEGACY), "bad.json": '{ "version": 2, "findings": [] }\n' });
    expect(runCli(["check", "--baseline", "none.json"], dir)).toEqual({ status: 2, stdout: "", stderr: "auditmod: cannot read the baseline none.json: ENOENT\n" });
    expect(runCli(["check", "--baseline", "bad.json"], dir)).toEqual({ status: 2, stdout: "", stderr: "auditmod: bad baseline bad.json: version: Invalid literal value, expected 1\n" });
    expect(runCli(["check", "--baseline", "bad.json", "--update-baseline", "bad.json"], dir)).toEqual({ status: 2, stdout: "", stderr: "auditmod: Arguments baseline and update-baseline are mutually exclusive\n" });
  });

  it("matches identical findings one for one, whatever their lines", () => {
    const d = (line: number, message = "m"): Diagnostic => ({ file: "a.ts", line, column: 1, rule: "AUDIT9", severity: "error", message, fixer: null });
    const text = (x: Diagnostic) => (x.message === "other" ? "const b = 2;" : "  metadata: { keyName },");
    const baseline = buildBaseline([d(3), d(9)], text);
    expect(compareWithBaseline([d(40), d(41), d(42)], baseline, text)).toEqual({ fresh: [d(42)], known: [d(40), d(41)], fixed: [] });
    expect(compareWithBaseline([d(5, "other")], baseline, text)).toEqual({ fresh: [d(5, "other")], known: [], fixed: baseline.findings });
    expect(parseBaseline("[")).toEqual({ ok: false, problems: [expect.stringMatching(/^not JSON: /)] });
  });
});
