// This package is indented with tabs.
import type { NextApiRequest, NextApiResponse } from "next";

import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { KeyResource } from "@app/lib/resources/api_key_resource";

export default async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
	const key = await KeyResource.makeNew(auth, { name: String(req.body.name) });
	void emitAuditLogEvent({
		auth,
		action: "api_key.created",
		targets: [{ type: "api_key", id: key.sId, name: key.name }],
		context: getAuditLogContext(auth, req),
	});
	return res.status(201).json({ key: key.toJSON() });
}
