import { buildAuditLogTarget, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { TriggerResource } from "@app/lib/resources/trigger_resource";
import type { Result } from "@app/types";
import { Err, Ok } from "@app/types";

// The audit module declares `metadata?: Record<string, string>`: tsc already proves what the syntax cannot.
export async function renameTrigger(auth: Authenticator, triggerId: string, name: string): Promise<Result<void, Error>> {
  const trigger = await TriggerResource.fetchById(auth, triggerId);
  if (!trigger) {
    return new Err(new Error("Trigger not found."));
  }
  const previousName = trigger.name;
  const r = await trigger.rename(auth, name);
  if (r.isErr()) {
    return r;
  }

  void emitAuditLogEvent({
    auth,
    action: "trigger.updated",
    targets: [buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()), buildAuditLogTarget("trigger", trigger)],
    metadata: {
      previous_name: previousName,
      new_name: trigger.name,
      // Surely not a string (tsc rejects it here): wrapped all the same.
      run_count: trigger.runs.length,
    },
  });

  return new Ok(undefined);
}
