import { buildWorkspaceTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { TriggerResource } from "@app/lib/resources/trigger_resource";
import { Err, Ok, type Result } from "@app/types/shared/result";

export async function disableTrigger(
  adminAuth: Authenticator,
  triggerId: string
): Promise<Result<TriggerResource, Error>> {
  const trigger = await TriggerResource.fetchById(adminAuth, triggerId);
  if (!trigger) {
    return new Err(new Error(`Trigger ${triggerId} not found`));
  }

  const r = await trigger.disable(adminAuth);
  if (r.isErr()) {
    return r;
  }

  void emitAuditLogEvent({ auth: adminAuth, action: "trigger.disabled", targets: [buildWorkspaceTarget(adminAuth.getNonNullableWorkspace())] });
  return new Ok(trigger);
}

export async function enableTrigger(auth: Authenticator, trigger: TriggerResource): Promise<Result<void, Error>> {
  const r = await trigger.enable(auth);
  if (r.isErr()) return r;

  void emitAuditLogEvent({
    auth,
    action: "trigger.enabled",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      {
        type: "trigger",
        id: trigger.sId,
        name: trigger.name,
      },
    ],
  });
  return new Ok(undefined);
}
