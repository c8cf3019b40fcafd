import { audit5StringMetadata } from "../../../src/check/rules/audit5-string-metadata";
import { code, conventionsWith, diagnoseProject, projectFromTexts, runRuleTests } from "../rule-tester";

runRuleTests(audit5StringMetadata, {
  valid: [
    {
      name: "strings by syntax: String(), template, .join(), annotated parameter, literal",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator, newName: string) {
          const members = await group.getActiveMembers(auth);
          void emitAuditLogEvent({
            auth,
            action: "group.updated",
            targets: [],
            metadata: {
              member_count: String(members.length),
              label: \`group \${group.name}\`,
              user_ids: members.map((m) => m.sId).join(","),
              new_name: newName,
              source: "api",
            },
          });
        }
      `,
    },
    {
      name: "a module that declares metadata string-only: tsc proves the values the syntax cannot tell",
      conventions: conventionsWith({ metadataStringOnly: true }),
      code: code`
        void emitAuditLogEvent({ auth, action: "space.updated", targets: [], metadata: { space_name: space.name, role } });
      `,
    },
    {
      name: "no metadata at all",
      code: code`
        void emitAuditLogEvent({ auth, action: "space.created", targets: [] });
      `,
    },
  ],
  invalid: [
    {
      name: "values that are surely not strings in a Next.js handler: errors",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
          switch (req.method) {
            case "DELETE": {
              const count = userIds.length;
              const removed = await group.removeMembers(auth, userIds);
              if (removed.isErr()) {
                return apiError(req, res, { status_code: 404, api_error: { type: "user_not_found", message: "No member removed." } });
              }
              void emitAuditLogEvent({
                auth,
                action: "group.member_removed",
                targets: [],
                metadata: { count, was_last: removed.value.remaining === 0, kind: String(space.kind), notified: false },
              });
              return res.status(200).json({ removed: count });
            }
          }
        }
      `,
      errors: [
        { line: 13, column: 21, message: 'metadata "count" is `count`, not a string; wrap it in String(...)' },
        { line: 13, column: 38, message: 'metadata "was_last" is `removed.value.remaining === 0`, not a string; wrap it in String(...)' },
        { line: 13, column: 105, message: 'metadata "notified" is `false`, not a string; wrap it in String(...)' },
      ],
    },
    {
      name: "values the syntax cannot tell (space.name, role, domain ?? \"all\"): one info for the whole file",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
          const { role, domain } = req.body;
          void emitAuditLogEvent({ auth, action: "space.updated", targets: [], metadata: { space_name: space.name, role } });
          void emitAuditLogEvent({ auth, action: "workspace.domain_updated", targets: [], metadata: { domain: domain ?? "all" } });
        }
      `,
      errors: [
        {
          line: 3,
          column: 96,
          severity: "info",
          fixer: null,
          message: '3 metadata value(s) may not be strings: "space_name" (line 3), "role" (line 3), "domain" (line 4); cannot tell without types: use `auditmod run stringify-metadata --typecheck`',
        },
      ],
    },
    {
      name: "a long value is cut in the message",
      file: "temporal/triggers/activities.ts",
      code: code`
        export async function disableTriggerActivity({ workspaceId }: { workspaceId: string }) {
          void emitAuditLogEventDirect({
            workspace,
            actor,
            action: "trigger.disabled",
            targets: [],
            metadata: { failure_count: trigger.consecutiveFailures - previousRunFailures.length },
          });
        }
      `,
      errors: [{ line: 7, column: 32, message: 'metadata "failure_count" is `trigger.consecutiveFailures - previou...`, not a string; wrap it in String(...)' }],
    },
    {
      name: "a metadata spread cannot be checked: one info",
      code: code`
        void emitAuditLogEvent({ auth, action: "space.updated", targets: [], metadata: { ...extra, name: "x" } });
      `,
      errors: [{ line: 1, column: 82, severity: "info", fixer: null, message: "metadata spreads `...extra`: cannot check statically that its values are strings" }],
    },
  ],
});

describe("AUDIT5 on schema files", () => {
  it("reports a metadata type other than string, found by readSchema", () => {
    const p = projectFromTexts('export type AuditAction = "space.updated";\n', {
      "space.updated.json": '{\n  "action": "space.updated",\n  "targets": [{ "type": "workspace" }],\n  "metadata": {\n    "count": "number"\n  }\n}\n',
    });
    expect(diagnoseProject(audit5StringMetadata, p)).toEqual([
      { file: "admin/audit_log_schemas/space.updated.json", line: 5, column: 14, rule: "AUDIT5", severity: "error", message: 'metadata "count" is declared "number"; every metadata value is declared "string"', fixer: null },
    ]);
  });
});
