import { formatJson } from "../../src/check/format/json";
import { formatText } from "../../src/check/format/text";
import { exitCodeOf, summaryLine, type CheckReport } from "../../src/check/report";
import type { Diagnostic } from "../../src/check/types";

const diagnostics: Diagnostic[] = [
  { file: "api/hono/spaces.ts", line: 59, column: 9, rule: "AUDIT1", severity: "error", message: "emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log", fixer: "await-to-void" },
  { file: "api/hono/spaces.ts", line: 95, column: 8, rule: "AUDIT3", severity: "info", message: "the action is not a string literal: cannot check statically (AUDIT3, AUDIT8)", fixer: null },
  { file: "pages/api/w/[wId]/spaces/index.ts", line: 7, column: 3, rule: "AUDIT4", severity: "warning", message: '"space.deleted" is emitted before `space.delete(...)` (line 8), the mutation its verb names; emit after the mutation succeeds', fixer: null },
];

const report: CheckReport = { diagnostics, files: 27, parsed: 14, skipped: [] };

describe("text", () => {
  it("prints one line per diagnostic, files apart, fix hints, then the summary", () => {
    expect(formatText(report, false)).toBe(
      [
        "api/hono/spaces.ts:59:9  AUDIT1  emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log  (fix: auditmod run await-to-void)",
        "api/hono/spaces.ts:95:8  AUDIT3  the action is not a string literal: cannot check statically (AUDIT3, AUDIT8)",
        "",
        'pages/api/w/[wId]/spaces/index.ts:7:3  AUDIT4  "space.deleted" is emitted before `space.delete(...)` (line 8), the mutation its verb names; emit after the mutation succeeds',
        "",
        "3 problems (1 error, 1 warning, 1 info) in 2 files; 27 files checked",
        "",
      ].join("\n"),
    );
  });

  it("colours the rule by severity and the summary on a TTY", () => {
    const out = formatText(report, true);
    expect(out).toContain("\u001b[31mAUDIT1\u001b[39m");
    expect(out).toContain("\u001b[34mAUDIT3\u001b[39m");
    expect(out).toContain("\u001b[33mAUDIT4\u001b[39m");
    expect(out).toContain("\u001b[2m(fix: auditmod run await-to-void)\u001b[22m");
    expect(out.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, "g"), "")).toBe(formatText(report, false));
  });

  it("says so when there is nothing, and lists skipped files", () => {
    expect(formatText({ diagnostics: [], files: 3, parsed: 1, skipped: [{ file: "lib/big.ts", reason: "not valid UTF-8" }] }, false)).toBe(
      "lib/big.ts  skipped: not valid UTF-8\n\nno problems; 3 files checked, 1 skipped\n",
    );
  });
});

describe("json", () => {
  it("is an array of one object per diagnostic with exactly the seven fields", () => {
    expect(JSON.parse(formatJson(report))).toEqual(diagnostics);
    expect(Object.keys(JSON.parse(formatJson(report))[0])).toEqual(["file", "line", "column", "rule", "severity", "message", "fixer"]);
    expect(formatJson({ diagnostics: [], files: 0, parsed: 0, skipped: [] })).toBe("[]\n");
  });
});

describe("summary and exit code", () => {
  it("exit 1 only when an error is present", () => {
    expect(exitCodeOf(report)).toBe(1);
    expect(exitCodeOf({ ...report, diagnostics: diagnostics.slice(1) })).toBe(0);
    expect(summaryLine({ ...report, diagnostics: [diagnostics[0]] })).toBe("1 problem (1 error, 0 warnings, 0 info) in 1 file; 27 files checked");
  });
});
