import type { NextApiRequest, NextApiResponse } from "next";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { LabelResource } from "@app/lib/resources/label_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  switch (req.method) {
    case "PUT": {
      const { name, color } = req.body as { name: string; color: string };
      const upsert = await LabelResource.upsertByName(auth, { name, color });
      if (upsert.outcome === "inserted") {
        return res.status(201).json({ label: upsert.label.toJSON() });
      }
      return res.status(200).json({ label: upsert.label.toJSON() });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, PUT is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
