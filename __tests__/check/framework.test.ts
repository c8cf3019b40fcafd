import { DEFAULT_CONVENTIONS } from "../../src/audit/types";
import { checkSourceFile } from "../../src/check/check-file";
import { compareDiagnostics } from "../../src/check/report";
import { RULES, selectRules } from "../../src/check/rules";
import { UsageError } from "../../src/engine/errors";
import { code, projectWith } from "./rule-tester";

const DYNAMIC = code`
  export function auditSpace(auth: Authenticator, action: AuditAction, space: SpaceResource) {
    void emitAuditLogEvent({ auth, action, targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace())], metadata: { spaceId: space.sId } });
  }
`;

const check = (ids: string[]) =>
  checkSourceFile({ file: "lib/api/spaces.ts", text: DYNAMIC, conventions: DEFAULT_CONVENTIONS, project: projectWith(["space.created"]) }, selectRules(ids, [])).sort(compareDiagnostics);

describe("a computed action", () => {
  it("is reported once, as info, naming every selected rule that needs a literal action", () => {
    expect(check([])).toEqual([
      { file: "lib/api/spaces.ts", line: 2, column: 8, rule: "AUDIT3", severity: "info", message: "the action is not a string literal: cannot check statically (AUDIT3, AUDIT4, AUDIT8, AUDIT10)", fixer: null },
      { file: "lib/api/spaces.ts", line: 2, column: 119, rule: "AUDIT9", severity: "error", message: 'metadata key "spaceId" is not snake case; metadata keys are lower snake case (space_kind, member_count)', fixer: null },
      {
        file: "lib/api/spaces.ts",
        line: 2,
        column: 128,
        rule: "AUDIT5",
        severity: "info",
        message: '1 metadata value(s) may not be strings: "spaceId" (line 2); cannot tell without types: use `auditmod run stringify-metadata --typecheck`',
        fixer: null,
      },
    ]);
  });

  it("is attributed to the first selected such rule, and not reported when none is selected", () => {
    expect(check(["AUDIT10", "AUDIT8"]).map((d) => `${d.rule} ${d.severity} ${d.message}`)).toEqual(["AUDIT8 info the action is not a string literal: cannot check statically (AUDIT8, AUDIT10)"]);
    expect(check(["AUDIT1", "AUDIT7"])).toEqual([]);
  });
});

describe("selectRules", () => {
  const ids = (rules: { id: string }[]) => rules.map((r) => r.id);
  it("selects with --rule, removes with --ignore-rule", () => {
    expect(ids(selectRules([], []))).toEqual(ids([...RULES]));
    expect(ids(selectRules(["AUDIT9", "AUDIT1"], []))).toEqual(["AUDIT1", "AUDIT9"]);
    expect(ids(selectRules(["AUDIT9", "AUDIT1"], ["AUDIT1"]))).toEqual(["AUDIT9"]);
    expect(ids(selectRules([], ["AUDIT4"]))).not.toContain("AUDIT4");
  });

  it("rejects an unknown id as bad usage", () => {
    expect(() => selectRules(["AUDIT11"], [])).toThrow(new UsageError('unknown rule "AUDIT11" (known: AUDIT1, AUDIT2, AUDIT3, AUDIT4, AUDIT5, AUDIT6, AUDIT7, AUDIT8, AUDIT9, AUDIT10)'));
  });

  it("every rule file follows the shape: id, kebab name, description, severity, a fixer that is a known transform", () => {
    const { TRANSFORMS } = require("../../src/audit/transforms") as typeof import("../../src/audit/transforms");
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^AUDIT\d+$/);
      expect(rule.name).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(rule.description.length).toBeGreaterThan(20);
      expect(["error", "warning", "info"]).toContain(rule.severity);
      if (rule.fixer) expect(TRANSFORMS.map((t) => t.name)).toContain(rule.fixer);
      expect(Boolean(rule.create) || Boolean(rule.checkProject)).toBe(true);
    }
  });
});
