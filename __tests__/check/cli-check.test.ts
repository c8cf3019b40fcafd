import * as fs from "node:fs";
import * as path from "node:path";
import { makeTempRepo, REPO_ROOT, runCli, snapshotTree, writeFiles } from "../helpers/cli";

const REGISTRY = `export type AuditAction =
  // ---- spaces ----
  | "space.deleted"
  // ---- api keys ----
  | "api_key.revoked";

export async function emitAuditLogEvent(_event: unknown): Promise<void> {}
`;

const schema = (action: string, targets: string[], metadata: string[]) =>
  `${JSON.stringify({ action, targets: targets.map((type) => ({ type })), metadata: Object.fromEntries(metadata.map((k) => [k, "string"])) }, null, 2)}\n`;

const CLEAN_HANDLER = `import type { NextApiRequest, NextApiResponse } from "next";
import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  switch (req.method) {
    case "DELETE": {
      const deleteRes = await space.delete(auth);
      if (deleteRes.isErr()) {
        return apiError(req, res, { status_code: 500, api_error: { type: "internal_server_error", message: deleteRes.error.message } });
      }
      void emitAuditLogEvent({
        auth,
        action: "space.deleted",
        targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace()), { type: "space", id: space.sId, name: space.name }],
        context: getAuditLogContext(auth, req),
        metadata: { space_kind: String(space.kind) },
      });
      return res.status(204).end();
    }
  }
}
`;

const HONO = `import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

app.post("/:keyId/revoke", async (ctx) => {
  const auth = ctx.get("auth");
  const result = await ApiKeyResource.revoke(auth, key);
  if (result.isErr()) {
    return apiErrorForHono(ctx, { status_code: 400, api_error: { type: "invalid_request_error", message: result.error.message } });
  }
  await emitAuditLogEvent({
    auth,
    action: "api_key.revoked",
    targets: [{ type: "api_key", id: key.sId, name: key.name }],
    context: getAuditLogContext(auth),
    metadata: { keyName: key.name },
  });
  return ctx.body(null, 204);
});
`;

function cleanTree(): Record<string, string> {
  return {
    "lib/api/audit/workos_audit.ts": REGISTRY,
    "admin/audit_log_schemas/space.deleted.json": schema("space.deleted", ["workspace", "space"], ["space_kind"]),
    "admin/audit_log_schemas/api_key.revoked.json": schema("api_key.revoked", ["workspace", "api_key"], ["key_name"]),
    "pages/api/w/[wId]/spaces/[spaceId]/index.ts": CLEAN_HANDLER,
    "lib/utils.ts": "export const add = (a: number, b: number) => a + b;\n",
    // Never parsed: no emit in its text, so the prefilter skips it and its syntax error goes unseen.
    "lib/legacy.ts": "export const broken = (;\n",
  };
}

function violationsTree(): Record<string, string> {
  return { ...cleanTree(), "api/hono/keys.ts": HONO };
}

const HONO_TEXT = [
  "api/hono/keys.ts:9:9  AUDIT1  emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log  (fix: auditmod run await-to-void)",
  "api/hono/keys.ts:12:14  AUDIT7  targets have no workspace target; the workspace must be the first target  (fix: auditmod run workspace-target)",
  'api/hono/keys.ts:14:17  AUDIT9  metadata key "keyName" is not snake case; metadata keys are lower snake case (space_kind, member_count)',
  'api/hono/keys.ts:14:17  AUDIT10  metadata differs from admin/audit_log_schemas/api_key.revoked.json: missing "key_name"; extra "keyName"',
  'api/hono/keys.ts:14:26  AUDIT5  1 metadata value(s) may not be strings: "keyName" (line 14); cannot tell without types: use `auditmod run stringify-metadata --typecheck`',
];

describe("auditmod check", () => {
  it("exits 0 on a clean tree, prints the summary and writes nothing", () => {
    const dir = makeTempRepo(cleanTree());
    const before = snapshotTree(dir);
    const r = runCli(["check"], dir);
    expect(r).toEqual({ status: 0, stdout: "no problems; 4 files checked\n", stderr: "" });
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("exits 1 and prints every diagnostic with its fix, grouped by file", () => {
    const dir = makeTempRepo(violationsTree());
    const before = snapshotTree(dir);
    const r = runCli(["check"], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`${HONO_TEXT.join("\n")}\n\n5 problems (4 errors, 0 warnings, 1 info) in 1 file; 5 files checked\n`);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("--format json prints one object per diagnostic; the summary goes to stderr", () => {
    const dir = makeTempRepo(violationsTree());
    const r = runCli(["check", "--format", "json", "--rule", "AUDIT1", "--rule", "AUDIT7"], dir);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      { file: "api/hono/keys.ts", line: 9, column: 9, rule: "AUDIT1", severity: "error", message: "emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log", fixer: "await-to-void" },
      { file: "api/hono/keys.ts", line: 12, column: 14, rule: "AUDIT7", severity: "error", message: "targets have no workspace target; the workspace must be the first target", fixer: "workspace-target" },
    ]);
    expect(r.stderr).toBe("2 problems (2 errors, 0 warnings, 0 info) in 1 file; 5 files checked\n");
  });

  it("--output FILE writes the report there and nothing else", () => {
    const dir = makeTempRepo(violationsTree());
    const before = snapshotTree(dir);
    const r = runCli(["check", "--format", "sarif", "--output", "check.sarif"], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("5 problems (4 errors, 0 warnings, 1 info) in 1 file; 5 files checked\n");
    const after = snapshotTree(dir);
    const sarif = JSON.parse(after.get("check.sarif")!.toString("utf8"));
    after.delete("check.sarif");
    expect(after).toEqual(before);
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(["AUDIT1", "AUDIT7", "AUDIT9", "AUDIT10", "AUDIT5"]);
  });

  it("--ignore-rule leaves rules out; ids are case-insensitive and may be comma-separated", () => {
    const dir = makeTempRepo(violationsTree());
    const r = runCli(["check", "--ignore-rule", "audit1,AUDIT9", "--ignore-rule", "AUDIT10", "--ignore-rule", "AUDIT5"], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`${HONO_TEXT[1]}\n\n1 problem (1 error, 0 warnings, 0 info) in 1 file; 5 files checked\n`);
  });

  it.each([
    [["check", "--rule", "AUDIT99"], 'auditmod: unknown rule "AUDIT99" (known: AUDIT1, AUDIT2, AUDIT3, AUDIT4, AUDIT5, AUDIT6, AUDIT7, AUDIT8, AUDIT9, AUDIT10)\n'],
    [["check", "--ignore-rule", "AUDIT11"], 'auditmod: unknown rule "AUDIT11" (known: AUDIT1, AUDIT2, AUDIT3, AUDIT4, AUDIT5, AUDIT6, AUDIT7, AUDIT8, AUDIT9, AUDIT10)\n'],
    [["check", "--format", "xml"], "auditmod: Invalid values:\n  Argument: format, Given: \"xml\", Choices: \"text\", \"json\", \"sarif\", \"github\"\n"],
    [["check", "no/such/dir"], "auditmod: path does not exist: no/such/dir\n"],
  ])("bad usage %j exits 2 and writes nothing", (args, stderr) => {
    const dir = makeTempRepo(violationsTree());
    const before = snapshotTree(dir);
    const r = runCli(args, dir);
    expect(r).toEqual({ status: 2, stdout: "", stderr });
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("paths limit the report to the files under them (registry and schema diagnostics included only when under them)", () => {
    const dir = makeTempRepo({ ...violationsTree(), "admin/audit_log_schemas/space.moved.json": schema("space.moved", ["space"], []) });
    const all = runCli(["check", "--format", "json"], dir);
    expect(JSON.parse(all.stdout).map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`)).toEqual([
      "admin/audit_log_schemas/space.moved.json AUDIT3",
      "admin/audit_log_schemas/space.moved.json AUDIT7",
      "api/hono/keys.ts AUDIT1",
      "api/hono/keys.ts AUDIT7",
      "api/hono/keys.ts AUDIT9",
      "api/hono/keys.ts AUDIT10",
      "api/hono/keys.ts AUDIT5",
    ]);
    const pages = runCli(["check", "pages", "lib/utils.ts"], dir);
    expect(pages).toEqual({ status: 0, stdout: "no problems; 2 files checked\n", stderr: "" });
    const admin = runCli(["check", "admin", "--format", "json"], dir);
    expect(JSON.parse(admin.stdout).map((d: { rule: string }) => d.rule)).toEqual(["AUDIT3", "AUDIT7"]);
  });

  it("finds the root from the first path when run from outside it", () => {
    const dir = makeTempRepo(violationsTree());
    const r = runCli(["check", path.join(path.basename(dir), "api"), "--rule", "AUDIT1"], path.dirname(dir));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`${HONO_TEXT[0]}\n\n1 problem (1 error, 0 warnings, 0 info) in 1 file; 1 file checked\n`);
  });

  it("an auditmod-ignore comment with a reason silences one diagnostic; one without a reason silences nothing and is reported", () => {
    const hono = HONO.replace("  await emitAuditLogEvent({", "  // auditmod-ignore AUDIT1: the key must be audited before the 204 is sent\n  await emitAuditLogEvent({").replace(
      "    metadata: { keyName: key.name },",
      "    // auditmod-ignore AUDIT9\n    metadata: { keyName: key.name },",
    );
    const dir = makeTempRepo({ ...cleanTree(), "api/hono/keys.ts": hono });
    const r = runCli(["check", "--format", "json"], dir);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      { file: "api/hono/keys.ts", line: 13, column: 14, rule: "AUDIT7", severity: "error", message: "targets have no workspace target; the workspace must be the first target", fixer: "workspace-target" },
      { file: "api/hono/keys.ts", line: 15, column: 5, rule: "auditmod-ignore", severity: "error", message: "auditmod-ignore AUDIT9 needs a reason: `// auditmod-ignore AUDIT9: reason`", fixer: null },
      { file: "api/hono/keys.ts", line: 16, column: 17, rule: "AUDIT9", severity: "error", message: 'metadata key "keyName" is not snake case; metadata keys are lower snake case (space_kind, member_count)', fixer: null },
      { file: "api/hono/keys.ts", line: 16, column: 17, rule: "AUDIT10", severity: "error", message: 'metadata differs from admin/audit_log_schemas/api_key.revoked.json: missing "key_name"; extra "keyName"', fixer: null },
      {
        file: "api/hono/keys.ts",
        line: 16,
        column: 26,
        rule: "AUDIT5",
        severity: "info",
        message: '1 metadata value(s) may not be strings: "keyName" (line 16); cannot tell without types: use `auditmod run stringify-metadata --typecheck`',
        fixer: null,
      },
    ]);
  });

  it("suppresses on the registry file too", () => {
    const registry = REGISTRY.replace('  | "api_key.revoked";', '  // auditmod-ignore AUDIT3: schema lives in the billing repo\n  | "api_key.revoked";');
    const tree = cleanTree();
    delete tree["admin/audit_log_schemas/api_key.revoked.json"];
    const dir = makeTempRepo({ ...tree, "lib/api/audit/workos_audit.ts": registry });
    expect(runCli(["check"], dir)).toEqual({ status: 0, stdout: "no problems; 4 files checked\n", stderr: "" });
    writeFiles(dir, { "lib/api/audit/workos_audit.ts": REGISTRY });
    const r = runCli(["check", "--format", "json"], dir);
    expect(JSON.parse(r.stdout)).toEqual([
      { file: "lib/api/audit/workos_audit.ts", line: 5, column: 5, rule: "AUDIT3", severity: "error", message: 'action "api_key.revoked" is registered but has no schema admin/audit_log_schemas/api_key.revoked.json; write it with `auditmod add-event api_key.revoked --target <type> --meta <key>`', fixer: null },
    ]);
  });

  it("a file with an emit that does not parse is one error; warnings and infos alone exit 0", () => {
    const dir = makeTempRepo({
      ...cleanTree(),
      "pages/api/w/[wId]/broken.ts": 'void emitAuditLogEvent({ auth, action: "space.deleted" ;\n',
      "lib/audit_helpers.ts": 'export function audit(auth: Authenticator, action: AuditAction) {\n  void emitAuditLogEvent({ auth, action, targets: [buildWorkspaceTarget(owner)] });\n}\n',
    });
    const r = runCli(["check", "--format", "json"], dir);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      { file: "lib/audit_helpers.ts", line: 2, column: 8, rule: "AUDIT3", severity: "info", message: "the action is not a string literal: cannot check statically (AUDIT3, AUDIT4, AUDIT8, AUDIT10)", fixer: null },
      { file: "pages/api/w/[wId]/broken.ts", line: 1, column: 56, rule: "parse-error", severity: "error", message: "cannot parse: Unexpected token, expected \",\"", fixer: null },
    ]);
    fs.rmSync(path.join(dir, "pages/api/w/[wId]/broken.ts"));
    expect(runCli(["check"], dir).status).toBe(0);
  });
});

describe("suppressing a schema diagnostic", () => {
  it("an auditmod-ignore comment above the action's registry entry silences its schema's diagnostic (JSON takes no comments)", () => {
    const registry = [
      "export type AuditAction =",
      '  | "space.created"',
      "  // auditmod-ignore AUDIT7: WorkOS sends this before the workspace exists",
      '  | "organization.provisioned";',
      "",
    ].join("\n");
    const schema = (action: string, targets: string[]) => `${JSON.stringify({ action, targets: targets.map((type) => ({ type })) }, null, 2)}\n`;
    const dir = makeTempRepo({
      "lib/api/audit/workos_audit.ts": registry,
      "admin/audit_log_schemas/space.created.json": schema("space.created", ["space"]),
      "admin/audit_log_schemas/organization.provisioned.json": schema("organization.provisioned", ["organization"]),
    });
    const r = runCli(["check", "--root", dir, "--format", "json"], REPO_ROOT);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).map((d: { file: string; rule: string; message: string }) => `${d.file} ${d.rule} ${d.message}`)).toEqual([
      'admin/audit_log_schemas/space.created.json AUDIT7 schema targets have no "workspace" (space); the workspace must be the first target',
    ]);
  });
});
