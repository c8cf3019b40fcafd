import { escapeData, escapeProperty, formatGithub } from "../../src/check/format/github";
import type { CheckReport } from "../../src/check/report";
import { makeTempRepo, runCli } from "../helpers/cli";

const report: CheckReport = {
  files: 3,
  parsed: 2,
  skipped: [],
  diagnostics: [
    { file: "api/hono/spaces.ts", line: 59, column: 9, rule: "AUDIT1", severity: "error", message: "emitAuditLogEvent is awaited; emit with `void`", fixer: "await-to-void" },
    { file: "pages/api/w/[wId]/a,b:c.ts", line: 7, column: 3, rule: "AUDIT4", severity: "warning", message: "100% sure\r\nsecond line", fixer: null },
    { file: "lib/x.ts", line: 1, column: 1, rule: "AUDIT3", severity: "info", message: "cannot check statically (AUDIT3, AUDIT8)", fixer: null },
  ],
};

describe("--format github", () => {
  it("escapes %, CR and LF in messages, and also : and , in properties", () => {
    expect(escapeData("50% a:b,c\r\nd")).toBe("50%25 a:b,c%0D%0Ad");
    expect(escapeProperty("50% a:b,c\r\nd")).toBe("50%25 a%3Ab%2Cc%0D%0Ad");
  });

  it("prints one workflow command per diagnostic, paths from the repository top, severity as error/warning/notice", () => {
    expect(formatGithub(report, "examples/front")).toBe(
      [
        "::error file=examples/front/api/hono/spaces.ts,line=59,col=9,title=AUDIT1::emitAuditLogEvent is awaited; emit with `void` (fix: auditmod run await-to-void)",
        "::warning file=examples/front/pages/api/w/[wId]/a%2Cb%3Ac.ts,line=7,col=3,title=AUDIT4::100%25 sure%0D%0Asecond line",
        "::notice file=examples/front/lib/x.ts,line=1,col=1,title=AUDIT3::cannot check statically (AUDIT3, AUDIT8)",
        "",
      ].join("\n"),
    );
    expect(formatGithub({ ...report, diagnostics: [] }, "")).toBe("");
  });

  it("the CLI prints the annotations on stdout, the summary on stderr, and exits 1 on errors", () => {
    const dir = makeTempRepo({
      "lib/api/audit/workos_audit.ts": 'export type AuditAction = "space.deleted";\n',
      "admin/audit_log_schemas/space.deleted.json": `${JSON.stringify({ action: "space.deleted", targets: [{ type: "workspace" }, { type: "space" }], metadata: {} }, null, 2)}\n`,
      "api/spaces.ts": [
        'import { buildWorkspaceTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";',
        "",
        "export async function deleteSpace(auth: Authenticator, space: SpaceResource) {",
        "  await space.delete(auth);",
        "  await emitAuditLogEvent({",
        "    auth,",
        '    action: "space.deleted",',
        '    targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace()), { type: "space", id: space.sId, name: space.name }],',
        "  });",
        "}",
        "",
      ].join("\n"),
    });
    const r = runCli(["check", "--format", "github"], dir);
    expect(r).toEqual({
      status: 1,
      stdout: "::error file=api/spaces.ts,line=5,col=9,title=AUDIT1::emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log (fix: auditmod run await-to-void)\n",
      stderr: "1 problem (1 error, 0 warnings, 0 info) in 1 file; 2 files checked\n",
    });
  });
});
