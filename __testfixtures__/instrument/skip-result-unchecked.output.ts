import type { NextApiRequest, NextApiResponse } from "next";

import type { Authenticator } from "@app/lib/auth";
import { TriggerResource } from "@app/lib/resources/trigger_resource";

export async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const trigger = await TriggerResource.fetchById(auth, req.query.tId as string);
  if (!trigger) {
    return res.status(404).end();
  }
  // TODO: surface errors to the client.
  const result = await trigger.setEnabled(auth, false);
  return res.status(200).json({ trigger: trigger.toJSON() });
}

export async function disableQuietly(auth: Authenticator, trigger: TriggerResource) {
  await trigger.setEnabled(auth, false);
}
