import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv-draft-04";
import { fileUri, formatSarif, toolVersion } from "../../src/check/format/sarif";
import type { CheckReport } from "../../src/check/report";
import { ALL_RULE_DESCRIPTORS } from "../../src/check/rules";

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "data", "sarif-2.1.0-rtm.5.json"), "utf8")) as Record<string, unknown>;

/**
 * The SARIF 2.1.0 schema (draft-04) compiled with ajv. `unicodeRegExp: false`: the schema's `language`
 * pattern (`...-[a-zA-Z]{2}]?$`) is a valid regular expression only without the `u` flag, as JSON Schema
 * draft-04 validators of its time read it. Formats (uri, date-time) are not checked by ajv without ajv-formats.
 */
function sarifValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  return ajv.compile(schema);
}

const report: CheckReport = {
  diagnostics: [
    { file: "admin/audit_log_schemas/workspace.domain_updated.json", line: 10, column: 5, rule: "AUDIT9", severity: "error", message: 'metadata key "previousDomain" is not snake case', fixer: null },
    { file: "api/hono/spaces.ts", line: 59, column: 9, rule: "AUDIT1", severity: "error", message: "emitAuditLogEvent is awaited", fixer: "await-to-void" },
    { file: "api/hono/spaces.ts", line: 95, column: 8, rule: "AUDIT3", severity: "info", message: "cannot check statically (AUDIT3)", fixer: null },
    { file: "pages/api/w/[wId]/spaces/index.ts", line: 7, column: 3, rule: "AUDIT4", severity: "warning", message: "emitted before the mutation", fixer: null },
    { file: "lib/broken.ts", line: 3, column: 1, rule: "parse-error", severity: "error", message: "cannot parse: Unexpected token", fixer: null },
  ],
  files: 10,
  parsed: 5,
  skipped: [],
};

describe("SARIF", () => {
  const log = JSON.parse(formatSarif(report, { rules: ALL_RULE_DESCRIPTORS, uriPrefix: "examples/front" }));

  it("validates against the SARIF 2.1.0 JSON schema", () => {
    const validate = sarifValidator();
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the validator does reject a broken log (the check can fail)", () => {
    const validate = sarifValidator();
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].level = "fatal";
    delete broken.runs[0].tool.driver.name;
    expect(validate(broken)).toBe(false);
  });

  it("lists one driver rule per rule id, with the level its severity maps to", () => {
    const rules = log.runs[0].tool.driver.rules as { id: string; name: string; defaultConfiguration: { level: string }; properties: Record<string, string> }[];
    expect(rules.map((r) => r.id)).toEqual(["AUDIT1", "AUDIT2", "AUDIT3", "AUDIT4", "AUDIT5", "AUDIT6", "AUDIT7", "AUDIT8", "AUDIT9", "AUDIT10", "parse-error", "auditmod-ignore"]);
    expect(rules.map((r) => r.defaultConfiguration.level)).toEqual(["error", "warning", "error", "warning", "error", "error", "error", "error", "error", "error", "error", "error"]);
    expect(rules[0]).toMatchObject({ name: "no-awaited-emit", properties: { fixer: "await-to-void" } });
    expect(log.runs[0].tool.driver).toMatchObject({ name: "auditmod", version: toolVersion() });
  });

  it("maps each diagnostic to a result with a physical location relative to the repository", () => {
    expect(log.runs[0].results).toEqual([
      {
        ruleId: "AUDIT9",
        ruleIndex: 8,
        level: "error",
        message: { text: 'metadata key "previousDomain" is not snake case' },
        locations: [{ physicalLocation: { artifactLocation: { uri: "examples/front/admin/audit_log_schemas/workspace.domain_updated.json", uriBaseId: "%SRCROOT%" }, region: { startLine: 10, startColumn: 5 } } }],
      },
      {
        ruleId: "AUDIT1",
        ruleIndex: 0,
        level: "error",
        message: { text: "emitAuditLogEvent is awaited (fix: auditmod run await-to-void)" },
        locations: [{ physicalLocation: { artifactLocation: { uri: "examples/front/api/hono/spaces.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 59, startColumn: 9 } } }],
        properties: { fixer: "await-to-void" },
      },
      {
        ruleId: "AUDIT3",
        ruleIndex: 2,
        level: "note",
        message: { text: "cannot check statically (AUDIT3)" },
        locations: [{ physicalLocation: { artifactLocation: { uri: "examples/front/api/hono/spaces.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 95, startColumn: 8 } } }],
      },
      {
        ruleId: "AUDIT4",
        ruleIndex: 3,
        level: "warning",
        message: { text: "emitted before the mutation" },
        locations: [{ physicalLocation: { artifactLocation: { uri: "examples/front/pages/api/w/%5BwId%5D/spaces/index.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 7, startColumn: 3 } } }],
      },
      {
        ruleId: "parse-error",
        ruleIndex: 10,
        level: "error",
        message: { text: "cannot parse: Unexpected token" },
        locations: [{ physicalLocation: { artifactLocation: { uri: "examples/front/lib/broken.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 3, startColumn: 1 } } }],
      },
    ]);
  });

  it("an empty report is still a valid log with the rules listed", () => {
    const empty = JSON.parse(formatSarif({ diagnostics: [], files: 0, parsed: 0, skipped: [] }, { rules: ALL_RULE_DESCRIPTORS, uriPrefix: "" }));
    expect(sarifValidator()(empty)).toBe(true);
    expect(empty.runs[0].results).toEqual([]);
  });

  it.each([
    ["", "api/x.ts", "api/x.ts"],
    ["front", "pages/api/w/[wId]/a b.ts", "front/pages/api/w/%5BwId%5D/a%20b.ts"],
  ])("fileUri(%j, %j) = %j", (prefix, file, uri) => {
    expect(fileUri(prefix, file)).toBe(uri);
  });
});
