import { audit2HumanActor } from "../../../src/check/rules/audit2-human-actor";
import { code, conventionsWith, runRuleTests } from "../rule-tester";

const rewrite = (userId: string, workspaceId: string) =>
  `emitAuditLogEventDirect reports a system actor although the user id \`${userId}\` is in scope; emit as that user: \`void emitAuditLogEvent({ auth: await Authenticator.fromUserIdAndWorkspaceId(${userId}, ${workspaceId}), ... })\``;

runRuleTests(audit2HumanActor, {
  valid: [
    {
      name: "a system actor where no user is in scope (the scheduler disabled the trigger)",
      file: "temporal/triggers/activities.ts",
      code: code`
        export async function disableFailingTriggerActivity({ workspaceId, triggerId }: { workspaceId: string; triggerId: string }) {
          const workspace = await getWorkspaceInfos(workspaceId);
          const trigger = await TriggerResource.fetchByIdForWorkspace(workspace, triggerId);
          const r = await trigger.disable(workspace);
          if (r.isErr()) {
            throw r.error;
          }
          void emitAuditLogEventDirect({
            workspace,
            actor: { type: "system", id: "temporal", name: "Trigger Scheduler" },
            action: "trigger.disabled",
            targets: [buildWorkspaceTarget(workspace), buildAuditLogTarget("trigger", trigger)],
            context: { location: "internal" },
          });
        }
      `,
    },
    {
      name: "a user actor with a user id in scope",
      file: "lib/api/webhooks/workos.ts",
      code: code`
        export async function onUserSignedIn(workspace: LightWorkspaceType, userId: string, user: UserResource) {
          void emitAuditLogEventDirect({
            workspace,
            actor: { type: "user", id: user.sId, name: user.fullName() },
            action: "user.login",
            targets: [buildWorkspaceTarget(workspace)],
            context: { location: "internal" },
          });
        }
      `,
    },
    {
      name: "an emit with an Authenticator is not judged; nor is a module-level direct emit",
      code: code`
        async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator, userId: string) {
          void emitAuditLogEvent({ auth, action: "space.created", targets: [] });
        }
        void emitAuditLogEventDirect({ workspace, actor: { type: "system", id: "boot", name: "Boot" }, action: "workspace.booted", targets: [] });
      `,
    },
  ],
  invalid: [
    {
      name: "a parameter named userId in a Temporal activity",
      file: "temporal/agent_schedule/activities.ts",
      code: code`
        export async function runScheduledAgentActivity(workspaceId: string, userId: string, agentId: string) {
          const workspace = await getWorkspaceInfos(workspaceId);
          const agent = await AgentConfigurationResource.fetchById(workspace, agentId);
          void emitAuditLogEventDirect({
            workspace,
            actor: { type: "system", id: "temporal", name: "Agent Scheduler" },
            action: "agent.run_scheduled",
            targets: [buildWorkspaceTarget(workspace), buildAuditLogTarget("agent", agent)],
            context: { location: "internal" },
          });
        }
      `,
      errors: [{ line: 6, column: 12, message: rewrite("userId", "workspace.sId") }],
    },
    {
      name: "a system actor constant, with a user in scope as `user.sId`",
      file: "lib/triggers/webhook.ts",
      code: code`
        const SYSTEM_ACTOR = { type: "system", id: "webhooks", name: "Webhooks" } as const;

        export async function onWebhookReceived(owner: LightWorkspaceType, trigger: TriggerResource) {
          const user = await trigger.getEditor();
          void emitAuditLogEventDirect({ workspace: owner, actor: SYSTEM_ACTOR, action: "trigger.fired", targets: [buildWorkspaceTarget(owner)] });
        }
      `,
      errors: [{ line: 5, column: 59, message: rewrite("user.sId", "owner.sId") }],
    },
    {
      name: "a ...UserId property of a parameter, destructured or read",
      file: "temporal/triggers/activities.ts",
      code: code`
        export async function fireTriggerActivity({ workspaceId, editorUserId }: { workspaceId: string; editorUserId: string }) {
          void emitAuditLogEventDirect({ workspace, actor: { type: "system", id: "t", name: "T" }, action: "trigger.fired", targets: [] });
        }
        export async function retryTriggerActivity(args: RetryArgs) {
          logger.info({ by: args.requestedByUserId }, "retrying");
          void emitAuditLogEventDirect({ workspace, actor: { type: "system", id: "t", name: "T" }, action: "trigger.retried", targets: [] });
        }
      `,
      errors: [
        { line: 2, column: 52, message: rewrite("editorUserId", "workspace.sId") },
        { line: 6, column: 52, message: rewrite("args.requestedByUserId", "workspace.sId") },
      ],
    },
    {
      name: "a module whose emits are named otherwise: its direct emit is judged, and the rewrite names its auth emit",
      file: "temporal/data_retention/activities.ts",
      conventions: conventionsWith({
        emitFunctions: [
          { name: "emitAuditEvent", kind: "auth", params: ["auth", "action", "targets"] },
          { name: "emitAuditLogEventForSystem", kind: "direct", params: ["workspace", "actor", "action", "targets"] },
        ],
      }),
      code: code`
        export async function purgeActivity(workspace: LightWorkspaceType, userId: string) {
          void emitAuditLogEventForSystem({ workspace, actor: { type: "system", id: "t", name: "T" }, action: "data_source.retention_purged", targets: [] });
        }
      `,
      errors: [
        {
          line: 2,
          column: 55,
          message:
            "emitAuditLogEventForSystem reports a system actor although the user id `userId` is in scope; emit as that user: `void emitAuditEvent({ auth: await Authenticator.fromUserIdAndWorkspaceId(userId, workspace.sId), ... })`",
        },
      ],
    },
  ],
});
