import { audit9SnakeCaseMetadataKeys } from "../../../src/check/rules/audit9-snake-case-metadata-keys";
import { code, diagnoseProject, projectFromTexts, runRuleTests } from "../rule-tester";

const RULE_TEXT = "metadata keys are lower snake case (space_kind, member_count)";

runRuleTests(audit9SnakeCaseMetadataKeys, {
  valid: [
    {
      name: "snake case keys, quoted or not",
      code: code`
        void emitAuditLogEvent({ auth, action: "workspace.domain_updated", targets: [], metadata: { domain, "previous_domain": previous, count2: "2" } });
      `,
    },
  ],
  invalid: [
    {
      name: "a camelCase shorthand key with a trailing comment in a Next.js handler",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
          void emitAuditLogEvent({
            auth,
            action: "workspace.domain_updated",
            targets: [buildWorkspaceTarget(owner)],
            context: getAuditLogContext(auth, req),
            metadata: {
              domain,
              previousDomain, // empty when no domain was verified before
              "Old-Value": old,
            },
          });
        }
      `,
      errors: [
        { line: 9, column: 7, message: `metadata key "previousDomain" is not snake case; ${RULE_TEXT}` },
        { line: 10, column: 7, message: `metadata key "Old-Value" is not snake case; ${RULE_TEXT}` },
      ],
    },
  ],
});

describe("AUDIT9 on schema files", () => {
  it("reports each key at the key", () => {
    const p = projectFromTexts('export type AuditAction = "workspace.domain_updated";\n', {
      "workspace.domain_updated.json": code`
        {
          "action": "workspace.domain_updated",
          "targets": [
            {
              "type": "workspace"
            }
          ],
          "metadata": {
            "domain": "string",
            "previousDomain": "string"
          }
        }
      `,
    });
    expect(diagnoseProject(audit9SnakeCaseMetadataKeys, p)).toEqual([
      { file: "admin/audit_log_schemas/workspace.domain_updated.json", line: 10, column: 5, rule: "AUDIT9", severity: "error", message: `metadata key "previousDomain" is not snake case; ${RULE_TEXT}`, fixer: null },
    ]);
  });
});
