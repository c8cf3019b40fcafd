import { audit10EmitMatchesSchema } from "../../../src/check/rules/audit10-emit-matches-schema";
import { code, conventionsWith, projectWith, runRuleTests, schemaFacts } from "../rule-tester";

const project = projectWith(
  ["trigger.updated", "space.created", "group.member_added"],
  [
    schemaFacts("trigger.updated", ["workspace", "trigger"], { trigger_kind: "string", enabled: "string" }),
    schemaFacts("space.created", ["workspace", "space"], { space_kind: "string" }),
    schemaFacts("group.member_added", ["workspace", "group", "user"], { member_count: "string" }),
  ],
);

runRuleTests(audit10EmitMatchesSchema, {
  project,
  valid: [
    {
      name: "the keys and target types of the schema, targets in builder and literal form",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
          void emitAuditLogEvent({
            auth,
            action: "group.member_added",
            targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace()), buildAuditLogTarget("group", group), { type: "user", id: user.sId, name: user.fullName }],
            context: getAuditLogContext(auth, req),
            metadata: { member_count: String(members.length) },
          });
        }
      `,
    },
    {
      name: "a missing workspace target is AUDIT7's, not a schema mismatch",
      code: code`
        void emitAuditLogEvent({ auth, action: "space.created", targets: [{ type: "space", id: space.sId, name: space.name }], metadata: { space_kind: String(space.kind) } });
      `,
    },
    {
      name: "an action without a schema, a target of unknown type, a metadata spread: nothing to compare",
      code: code`
        void emitAuditLogEvent({ auth, action: "api_key.created", targets: [], metadata: { role } });
        void emitAuditLogEvent({ auth, action: "space.created", targets: [buildWorkspaceTarget(owner), spaceTarget(space)], metadata: { ...kind } });
      `,
    },
  ],
  invalid: [
    {
      name: "an extra key and a missing one, in a helper of a Hono router",
      file: "api/hono/triggers.ts",
      code: code`
        function auditTriggerChange(auth: Authenticator, trigger: TriggerResource, changedFields: string[]) {
          void emitAuditLogEvent({
            auth,
            action: "trigger.updated",
            targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace()), buildAuditLogTarget("trigger", trigger)],
            context: getAuditLogContext(auth),
            metadata: {
              trigger_kind: String(trigger.kind),
              changed_fields: changedFields.join(","),
            },
          });
        }
      `,
      errors: [{ line: 9, column: 7, message: 'metadata differs from admin/audit_log_schemas/trigger.updated.json: missing "enabled"; extra "changed_fields"' }],
    },
    {
      name: "no metadata where the schema declares keys; a target type the schema lacks and one missing",
      code: code`
        void emitAuditLogEvent({ auth, action: "group.member_added", targets: [buildWorkspaceTarget(owner), { type: "group", id: group.sId, name: group.name }, buildAuditLogTarget("space", space)] });
      `,
      errors: [
        { line: 1, column: 6, message: 'metadata differs from admin/audit_log_schemas/group.member_added.json: missing "member_count"' },
        { line: 1, column: 153, message: 'target types differ from admin/audit_log_schemas/group.member_added.json: missing "user"; extra "space"' },
      ],
    },
    {
      name: "a missing target type is reported at the targets",
      code: code`
        void emitAuditLogEvent({ auth, action: "space.created", targets: [buildWorkspaceTarget(owner)], metadata: { space_kind: "public" } });
      `,
      errors: [{ line: 1, column: 66, message: 'target types differ from admin/audit_log_schemas/space.created.json: missing "space"' }],
    },
  ],
});

describe("AUDIT10 with keys the audit module adds itself", () => {
  // `serializeMetadata({ ...metadata, actor_type: actor.type })`: the schemas declare actor_type, the emits never send it.
  const withActorType = projectWith(["space.created"], [schemaFacts("space.created", ["workspace", "space"], { space_kind: "string", actor_type: "string" })]);
  const emit = code`
    void emitAuditLogEvent({ auth, action: "space.created", targets: [buildWorkspaceTarget(owner), buildAuditLogTarget("space", space)], metadata: { space_kind: String(space.kind) } });
  `;

  runRuleTests(audit10EmitMatchesSchema, {
    project: withActorType,
    valid: [
      { name: "a schema key the module adds is not missing from the emit", code: emit, conventions: conventionsWith({ moduleMetadataKeys: ["actor_type"] }) },
      {
        name: "nor extra when an emit sends it anyway",
        conventions: conventionsWith({ moduleMetadataKeys: ["actor_type"] }),
        code: code`
          void emitAuditLogEvent({ auth, action: "space.created", targets: [buildWorkspaceTarget(owner), buildAuditLogTarget("space", space)], metadata: { space_kind: "regular", actor_type: "user" } });
        `,
      },
    ],
    invalid: [
      {
        name: "without the module's fact, the key is missing",
        code: emit,
        errors: [{ line: 1, column: 144, message: 'metadata differs from admin/audit_log_schemas/space.created.json: missing "actor_type"' }],
      },
    ],
  });
});
