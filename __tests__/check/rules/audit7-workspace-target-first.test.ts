import { audit7WorkspaceTargetFirst } from "../../../src/check/rules/audit7-workspace-target-first";
import { code, conventionsWith, diagnoseProject, projectFromTexts, runRuleTests } from "../rule-tester";

runRuleTests(audit7WorkspaceTargetFirst, {
  valid: [
    {
      name: "the workspace first in each of its three forms",
      code: code`
        import { buildAuditLogTarget, buildWorkspaceTarget as workspaceTarget } from "@app/lib/api/audit/workos_audit";
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
          void emitAuditLogEvent({ auth, action: "space.created", targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace()), { type: "space", id: space.sId, name: space.name }] });
          void emitAuditLogEvent({ auth, action: "space.updated", targets: [buildAuditLogTarget("workspace", owner), buildAuditLogTarget("space", space)] });
          void emitAuditLogEvent({ auth, action: "space.deleted", targets: [{ type: "workspace", id: owner.sId, name: owner.name }] });
          void emitAuditLogEvent({ auth, action: "space.archived", targets: [workspaceTarget(owner)] });
        }
      `,
    },
    {
      name: "targets of unknown form (a helper, a spread) are not judged",
      code: code`
        void emitAuditLogEvent({ auth, action: "space.updated", targets: [spaceTargets(space), ...extraTargets] });
        void emitAuditLogEvent({ auth, action: "space.updated", targets: allTargets });
      `,
    },
  ],
  invalid: [
    {
      name: "the workspace second, in a Next.js handler",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
          void emitAuditLogEvent({
            auth,
            action: "space.updated",
            targets: [
              { type: "space", id: space.sId, name: space.name },
              buildWorkspaceTarget(auth.getNonNullableWorkspace()),
            ],
            context: getAuditLogContext(auth, req),
          });
        }
      `,
      errors: [{ line: 7, column: 7, message: "the workspace target is target 2 of 2; it must be the first target" }],
    },
    {
      name: "no workspace target in a Temporal activity's direct emit",
      file: "temporal/triggers/activities.ts",
      code: code`
        export async function disableFailingTriggersActivity({ workspaceId }: { workspaceId: string }) {
          void emitAuditLogEventDirect({
            workspace,
            action: "trigger.disabled",
            actor: TRIGGER_SCHEDULER_ACTOR,
            targets: [{ type: "trigger", id: trigger.sId, name: trigger.name }],
          });
        }
      `,
      errors: [{ line: 6, column: 14, message: "targets have no workspace target; the workspace must be the first target" }],
    },
    {
      name: "no targets at all, and a target type that is not a resource name",
      code: code`
        void emitAuditLogEvent({ auth, action: "space.created" });
        void emitAuditLogEvent({ auth, action: "space.created", targets: [buildWorkspaceTarget(owner), buildAuditLogTarget("Space", space)] });
      `,
      errors: [
        { line: 1, column: 6, message: "emitAuditLogEvent has no targets; the workspace must be the first target" },
        { line: 2, column: 96, fixer: null, message: 'target type "Space" is not a lower snake case resource name (space, api_key, user)' },
      ],
    },
  ],
});

describe("AUDIT7 on schema files", () => {
  const registry = 'export type AuditAction = "space.updated" | "group.member_removed" | "space.created";\n';
  it("reports schemas whose targets do not start with the workspace, at their targets", () => {
    const p = projectFromTexts(registry, {
      "space.created.json": '{\n  "action": "space.created",\n  "targets": [{ "type": "workspace" }, { "type": "space" }]\n}\n',
      "space.updated.json": '{\n  "action": "space.updated",\n  "targets": [{ "type": "space" }, { "type": "workspace" }]\n}\n',
      "group.member_removed.json": '{\n  "action": "group.member_removed",\n  "targets": [\n    { "type": "group" },\n    { "type": "User" }\n  ]\n}\n',
    });
    expect(diagnoseProject(audit7WorkspaceTargetFirst, p)).toEqual([
      { file: "admin/audit_log_schemas/group.member_removed.json", line: 3, column: 3, rule: "AUDIT7", severity: "error", message: 'schema targets have no "workspace" (group, User); the workspace must be the first target', fixer: null },
      { file: "admin/audit_log_schemas/group.member_removed.json", line: 3, column: 3, rule: "AUDIT7", severity: "error", message: 'target type "User" is not a lower snake case resource name (space, api_key, user)', fixer: null },
      { file: "admin/audit_log_schemas/space.updated.json", line: 3, column: 3, rule: "AUDIT7", severity: "error", message: 'schema targets do not start with "workspace" (space, workspace); the workspace must be the first target', fixer: null },
    ]);
  });
});

describe("AUDIT7 with the audit module's target type union", () => {
  const union = conventionsWith({ targetTypes: ["workspace", "space", "user", "api_key"] });

  runRuleTests(audit7WorkspaceTargetFirst, {
    valid: [
      {
        name: "target types of the union",
        conventions: union,
        code: code`
          void emitAuditLogEvent({ auth, action: "space.created", targets: [buildWorkspaceTarget(owner), buildAuditLogTarget("space", space), { type: "user", id: user.sId, name: user.name }] });
        `,
      },
    ],
    invalid: [
      {
        name: "a target type outside the union",
        conventions: union,
        code: code`
          void emitAuditLogEvent({ auth, action: "space.created", targets: [buildWorkspaceTarget(owner), buildAuditLogTarget("spaces_group", group)] });
        `,
        errors: [{ line: 1, column: 96, fixer: null, message: "target type \"spaces_group\" is not one of the audit module's target types (workspace, space, user, api_key)" }],
      },
    ],
  });

  it("reports schema target types outside the union, and a schema without the workspace first", () => {
    const p = projectFromTexts('export type AuditAction = "space.created" | "webhook.received";\n', {
      "space.created.json": '{\n  "action": "space.created",\n  "targets": [{ "type": "workspace" }, { "type": "folder" }]\n}\n',
      "webhook.received.json": '{\n  "action": "webhook.received",\n  "targets": [{ "type": "space" }]\n}\n',
    });
    expect(diagnoseProject(audit7WorkspaceTargetFirst, p, union).map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      "admin/audit_log_schemas/space.created.json:3:3 target type \"folder\" is not one of the audit module's target types (workspace, space, user, api_key)",
      'admin/audit_log_schemas/webhook.received.json:3:3 schema targets have no "workspace" (space); the workspace must be the first target',
    ]);
  });
});
