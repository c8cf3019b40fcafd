import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import type { KeyResource } from "@app/lib/resources/api_key_resource";

// Every metadata value here is a string by its syntax alone: the step leaves the file untouched.
export async function rotateKey(req: NextApiRequest, res: NextApiResponse, auth: Authenticator, key: KeyResource, label: string) {
  const rotatedAt = new Date();
  const scopes = key.scopes.join(",");
  const prefix = `sk-${key.sId.slice(0, 4)}`;
  let reason = "scheduled";
  if (req.body.force) {
    reason = "forced";
  }
  const note: string | undefined = req.body.note;

  await key.rotate(auth);
  void emitAuditLogEvent({
    auth,
    action: "api_key.rotated",
    targets: [{ type: "api_key", id: key.sId, name: key.name }],
    context: getAuditLogContext(auth, req),
    metadata: {
      kind: "secret",
      label,
      reason,
      prefix,
      scopes,
      rotated_at: rotatedAt.toISOString(),
      rotation_count: String(key.rotationCount),
      previous_id: key.previousId.toString(),
      settings: JSON.stringify(key.settings),
      summary: "rotated " + key.name,
      title: `${key.name} (${scopes})`,
      source: req.body.force ? "admin" : `schedule:${label}`,
      note: label ?? "none",
      // Parentheses and nested ternaries are still strings.
      origin: (req.body.ui ? "ui" : req.body.cli ? "cli" : "api"),
    },
  });

  res.status(200).json({ key: key.toJSON(), note });
}
