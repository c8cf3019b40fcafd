import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { AuditLogEventParams, AuditLogMetadata } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { TriggerResource } from "@app/lib/resources/trigger_resource";

export async function updateTrigger(req: NextApiRequest, res: NextApiResponse, auth: Authenticator, trigger: TriggerResource) {
  const common: AuditLogMetadata = { trigger_kind: trigger.kind };
  const runs = await trigger.countRuns();

  void emitAuditLogEvent({
    auth,
    action: "trigger.updated",
    targets: [{ type: "trigger", id: trigger.sId, name: trigger.name }],
    context: getAuditLogContext(auth, req),
    metadata: { ...common, run_count: runs },
  });

  void emitAuditLogEvent({
    auth,
    action: "trigger.updated",
    targets: [{ type: "trigger", id: trigger.sId, name: trigger.name }],
    context: getAuditLogContext(auth, req),
    metadata: common,
  });

  void emitAuditLogEvent({
    auth,
    action: "trigger.updated",
    targets: [],
    metadata: { [trigger.kind]: runs },
  });

  const event: AuditLogEventParams = { auth, action: "trigger.updated", targets: [], metadata: { run_count: String(runs) } };
  void emitAuditLogEvent(event);

  return res.status(200).json({ trigger: trigger.toJSON() });
}
