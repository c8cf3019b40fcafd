import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { FileResource } from "@app/lib/resources/file_resource";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const { fileId } = req.query;
  const file = typeof fileId === "string" ? await FileResource.fetchById(auth, fileId) : null;
  if (!file) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "file_not_found", message: "The file was not found." },
    });
  }
  const fileName = file.fileName;

  switch (req.method) {
    case "PATCH": {
      const renameRes = await file.rename(auth, String(req.body.fileName ?? ""));
      if (renameRes.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: renameRes.error.message },
        });
      }
      const fileName = renameRes.value.fileName;

      void emitAuditLogEvent({
        auth,
        action: "file.renamed",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "file", id: file.sId, name: file.name },
        ],
        context: getAuditLogContext(auth, req),
        metadata: {
          file_name: String(fileName),
        },
      });

      return res.status(200).json({ file: { sId: file.sId, fileName } });
    }

    case "GET":
      return res.status(200).json({ file: { sId: file.sId, fileName } });

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "The method passed is not supported, GET or PATCH is expected." },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
