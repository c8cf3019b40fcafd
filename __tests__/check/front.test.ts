import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv-draft-04";
import type { Diagnostic } from "../../src/check/types";
import { copyToTempRepo, REPO_ROOT, runCli, snapshotTree } from "../helpers/cli";

const FRONT = path.join(REPO_ROOT, "examples", "front");

const AUDIT8_RULE = "actions are named <resource>.<verb>: singular lower-case resource, past-tense verb, snake case (space.created, api_key.revoked, user.login_failed)";
const TYPECHECK_HINT = "cannot tell without types: use `auditmod run stringify-metadata --typecheck`";
const AUDIT9_RULE = "metadata keys are lower snake case (space_kind, member_count)";

/** `auditmod check examples/front --format json`, in full: the violations VIOLATIONS.md seeds. */
const SEEDED: Diagnostic[] = [
  { file: "admin/audit_log_schemas/workspace.domain_updated.json", line: 10, column: 5, rule: "AUDIT9", severity: "error", message: `metadata key "previousDomain" is not snake case; ${AUDIT9_RULE}`, fixer: null },
  { file: "api/hono/api_keys.ts", line: 114, column: 13, rule: "AUDIT3", severity: "error", message: "action \"api_key.rotated\" is not registered in lib/api/audit/workos_audit.ts and has no schema admin/audit_log_schemas/api_key.rotated.json; add it with `auditmod add-event api_key.rotated --target api_key`", fixer: null },
  { file: "api/hono/spaces.ts", line: 59, column: 9, rule: "AUDIT1", severity: "error", message: "emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log", fixer: "await-to-void" },
  { file: "api/hono/spaces.ts", line: 97, column: 13, rule: "AUDIT3", severity: "error", message: "action \"space.archive\" is not registered in lib/api/audit/workos_audit.ts and has no schema admin/audit_log_schemas/space.archive.json", fixer: null },
  { file: "api/hono/spaces.ts", line: 97, column: 13, rule: "AUDIT8", severity: "error", message: `action "space.archive" has a verb "archive" that is not in the past tense; ${AUDIT8_RULE}`, fixer: null },
  { file: "api/hono/triggers.ts", line: 21, column: 10, rule: "AUDIT1", severity: "error", message: "emitAuditLogEvent is returned, so the caller waits on the audit log; emit with `void` and return separately", fixer: null },
  { file: "api/hono/triggers.ts", line: 31, column: 7, rule: "AUDIT10", severity: "error", message: "metadata differs from admin/audit_log_schemas/trigger.updated.json: missing \"enabled\"; extra \"changed_fields\"", fixer: null },
  { file: "lib/api/audit/workos_audit.ts", line: 25, column: 5, rule: "AUDIT3", severity: "error", message: "action \"api_key.created\" is registered but has no schema admin/audit_log_schemas/api_key.created.json; write it with `auditmod add-event api_key.created --target <type> --meta <key>`", fixer: null },
  { file: "lib/api/audit/workos_audit.ts", line: 31, column: 5, rule: "AUDIT8", severity: "error", message: `action "credentials.created" has a plural resource "credentials"; ${AUDIT8_RULE}`, fixer: null },
  { file: "pages/api/w/[wId]/domains.ts", line: 81, column: 11, rule: "AUDIT9", severity: "error", message: `metadata key "previousDomain" is not snake case; ${AUDIT9_RULE}`, fixer: null },
  { file: "pages/api/w/[wId]/groups/[groupId]/members.ts", line: 78, column: 12, rule: "AUDIT6", severity: "error", message: "emitAuditLogEvent has no context while the Next.js request `req` is in scope; pass `context: getAuditLogContext(auth, req)`", fixer: "audit-context" },
  { file: "pages/api/w/[wId]/groups/[groupId]/members.ts", line: 87, column: 25, rule: "AUDIT5", severity: "error", message: "metadata \"member_count\" is `members.length`, not a string; wrap it in String(...)", fixer: "stringify-metadata" },
  { file: "pages/api/w/[wId]/groups/[groupId]/members.ts", line: 120, column: 18, rule: "AUDIT7", severity: "error", message: "targets have no workspace target; the workspace must be the first target", fixer: "workspace-target" },
  // `count` holds what `await group.removeMembers(...)` returns: only the checker can tell (`run stringify-metadata --typecheck`).
  { file: "pages/api/w/[wId]/groups/[groupId]/members.ts", line: 122, column: 21, rule: "AUDIT5", severity: "info", message: `1 metadata value(s) may not be strings: "count" (line 122); ${TYPECHECK_HINT}`, fixer: null },
  { file: "pages/api/w/[wId]/spaces/[spaceId]/index.ts", line: 85, column: 11, rule: "AUDIT7", severity: "error", message: "the workspace target is target 2 of 2; it must be the first target", fixer: "workspace-target" },
  { file: "pages/api/w/[wId]/spaces/[spaceId]/index.ts", line: 87, column: 18, rule: "AUDIT6", severity: "error", message: "getAuditLogContext omits the Next.js request `req` that is in scope; pass `getAuditLogContext(auth, req)`", fixer: "audit-context" },
  { file: "pages/api/w/[wId]/spaces/index.ts", line: 92, column: 13, rule: "AUDIT1", severity: "error", message: "emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log", fixer: "await-to-void" },
  { file: "pages/api/w/[wId]/spaces/index.ts", line: 102, column: 26, rule: "AUDIT5", severity: "info", message: `1 metadata value(s) may not be strings: "is_restricted" (line 102); ${TYPECHECK_HINT}`, fixer: null },
  { file: "temporal/triggers/activities.ts", line: 52, column: 16, rule: "AUDIT7", severity: "error", message: "targets have no workspace target; the workspace must be the first target", fixer: "workspace-target" },
];

/** The rows of VIOLATIONS.md's "Rule violations" table: file, line, rule. */
function seededRows(): string[] {
  const text = fs.readFileSync(path.join(FRONT, "VIOLATIONS.md"), "utf8");
  const section = text.slice(text.indexOf("## Rule violations"), text.indexOf("### Allowed on purpose"));
  return [...section.matchAll(/^\| `([^`]+)` \| (\d+) \| (AUDIT\d+) \|/gm)].map((m) => `${m[1]}:${m[2]} ${m[3]}`);
}

describe("auditmod check examples/front", () => {
  it("reports exactly the seeded violations, with rule ids and fixers, exit 1, writing nothing", () => {
    const before = snapshotTree(FRONT);
    const r = runCli(["check", "examples/front", "--format", "json"], REPO_ROOT);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual(SEEDED);
    expect(r.stderr).toBe("19 problems (17 errors, 0 warnings, 2 info) in 10 files; 36 files checked\n");
    expect(snapshotTree(FRONT)).toEqual(before);
  });

  it("agrees with VIOLATIONS.md: every row is reported, and the one extra is the AUDIT3 its prose names", () => {
    const reported = SEEDED.map((d) => `${d.file}:${d.line} ${d.rule}`);
    const rows = seededRows();
    expect(rows.length).toBe(18);
    expect(rows.filter((row) => !reported.includes(row))).toEqual([]);
    // "action `space.archive` ... not registered, no schema ..., so also AUDIT3/AUDIT10" (no schema: nothing for AUDIT10 to compare).
    expect(reported.filter((row) => !rows.includes(row))).toEqual(["api/hono/spaces.ts:97 AUDIT3"]);
  });

  it("prints the text report with fix hints", () => {
    const r = runCli(["check", "--root", "examples/front", "examples/front/pages/api/w/[wId]/spaces"], REPO_ROOT);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        "pages/api/w/[wId]/spaces/[spaceId]/index.ts:85:11  AUDIT7  the workspace target is target 2 of 2; it must be the first target  (fix: auditmod run workspace-target)",
        "pages/api/w/[wId]/spaces/[spaceId]/index.ts:87:18  AUDIT6  getAuditLogContext omits the Next.js request `req` that is in scope; pass `getAuditLogContext(auth, req)`  (fix: auditmod run audit-context)",
        "",
        "pages/api/w/[wId]/spaces/index.ts:92:13  AUDIT1  emitAuditLogEvent is awaited; emit with `void` so the request does not wait on the audit log  (fix: auditmod run await-to-void)",
        'pages/api/w/[wId]/spaces/index.ts:102:26  AUDIT5  1 metadata value(s) may not be strings: "is_restricted" (line 102); cannot tell without types: use `auditmod run stringify-metadata --typecheck`',
        "",
        "4 problems (3 errors, 0 warnings, 1 info) in 2 files; 2 files checked",
        "",
      ].join("\n"),
    );
  });

  it("--typecheck: the checker decides the two values the syntax cannot tell (a number and a boolean), says what it loaded, writes nothing", () => {
    const before = snapshotTree(FRONT);
    const r = runCli(["check", "examples/front", "--format", "json", "--typecheck"], REPO_ROOT);
    expect(r.status).toBe(1);
    const decided = (line: number, column: number, key: string, value: string): Diagnostic => ({
      file: line === 122 ? "pages/api/w/[wId]/groups/[groupId]/members.ts" : "pages/api/w/[wId]/spaces/index.ts",
      line,
      column,
      rule: "AUDIT5",
      severity: "error",
      message: `metadata "${key}" is \`${value}\`, which the TypeScript checker does not type as a string; wrap it in String(...) (\`auditmod run stringify-metadata --typecheck\`)`,
      fixer: "stringify-metadata",
    });
    expect(JSON.parse(r.stdout)).toEqual(SEEDED.map((d) => (d.severity !== "info" ? d : d.line === 122 ? decided(122, 21, "count", "count") : decided(102, 26, "is_restricted", "space.isRestricted"))));
    const [cost, summary] = r.stderr.split("\n");
    expect(cost).toMatch(/^auditmod: --typecheck loaded 13 files into the TypeScript checker in \d+\.\d\ds$/);
    expect(summary).toBe("19 problems (19 errors, 0 warnings, 0 info) in 10 files; 36 files checked");
    expect(snapshotTree(FRONT)).toEqual(before);
  });

  it("--typecheck: a value the checker types as a string is not reported", () => {
    const dir = copyToTempRepo(FRONT);
    const file = path.join(dir, "pages/api/w/[wId]/spaces/index.ts");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("is_restricted: space.isRestricted", "is_restricted: space.name"));
    const r = runCli(["check", "--format", "json", "--typecheck", "pages/api/w/[wId]/spaces/index.ts"], dir);
    expect(r.stderr.split("\n")[1]).toBe("1 problem (1 error, 0 warnings, 0 info) in 1 file; 1 file checked");
    expect(JSON.parse(r.stdout).map((d: Diagnostic) => `${d.line} ${d.rule}`)).toEqual(["92 AUDIT1"]);
  });

  it("writes SARIF that validates against the SARIF 2.1.0 schema, with URIs from the repository root", () => {
    const out = path.join(fs.mkdtempSync(path.join(require("node:os").tmpdir(), "auditmod-sarif-")), "front.sarif");
    const r = runCli(["check", "examples/front", "--format", "sarif", "--output", out], REPO_ROOT);
    expect(r.status).toBe(1);
    const log = JSON.parse(fs.readFileSync(out, "utf8"));
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "data", "sarif-2.1.0-rtm.5.json"), "utf8"));
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0].results).toHaveLength(SEEDED.length);
    expect(log.runs[0].results[14].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "examples/front/pages/api/w/%5BwId%5D/spaces/%5BspaceId%5D/index.ts", uriBaseId: "%SRCROOT%" },
      region: { startLine: 85, startColumn: 11 },
    });
  });

  it("after every fixer runs on a copy (the checker deciding metadata), only the diagnostics no fixer can repair remain", () => {
    const dir = copyToTempRepo(FRONT);
    const run = runCli(["run", "await-to-void", "workspace-target", "stringify-metadata", "audit-context", "--typecheck", "--allow-dirty"], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^auditmod: --typecheck loaded \d+ files into the TypeScript checker in \d+\.\d\ds$/m);
    const r = runCli(["check", "--format", "json"], dir);
    expect(r.status).toBe(1);
    const unfixable = SEEDED.filter((d) => d.fixer === null && d.severity !== "info");
    expect(unfixable.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual([
      "admin/audit_log_schemas/workspace.domain_updated.json:10 AUDIT9",
      "api/hono/api_keys.ts:114 AUDIT3",
      "api/hono/spaces.ts:97 AUDIT3",
      "api/hono/spaces.ts:97 AUDIT8",
      "api/hono/triggers.ts:21 AUDIT1",
      "api/hono/triggers.ts:31 AUDIT10",
      "lib/api/audit/workos_audit.ts:25 AUDIT3",
      "lib/api/audit/workos_audit.ts:31 AUDIT8",
      "pages/api/w/[wId]/domains.ts:81 AUDIT9",
    ]);
    expect(JSON.parse(r.stdout)).toEqual(unfixable);
  });
});
