import * as audit from "@app/lib/api/audit/workos_audit";

export async function deleteTrigger(auth: Authenticator, trigger: TriggerResource): Promise<Result<void, Error>> {
  try {
    await trigger.delete(auth);
  } catch (err) {
    return new Err(normalizeError(err));
  }

  /* leading block comment */
  void (audit.emitAuditLogEvent({
    auth,
    action: "trigger.deleted",
    targets: [
      { type: "trigger", id: trigger.sId, name: trigger.name }, // the trigger itself
    ],
  }));

  return new Ok(undefined);
}
