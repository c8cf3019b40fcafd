import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { updateConversationVisibility } from "@app/lib/api/assistant/conversation";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { apiError } from "@app/logger/withlogging";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
  const { cId } = req.query;
  if (typeof cId !== "string") {
    return apiError(req, res, {
      status_code: 400,
      api_error: { type: "invalid_request_error", message: "Invalid conversation id." },
    });
  }

  if (req.method !== "PATCH") {
    return apiError(req, res, {
      status_code: 405,
      api_error: { type: "method_not_supported_error", message: "The method passed is not supported, PATCH is expected." },
    });
  }

  const visibility = req.body.visibility === "workspace" ? "workspace" : "unlisted";
  const updateRes = await updateConversationVisibility(auth, { conversationId: cId, visibility });
  if (updateRes.isErr() && updateRes.error.type === "conversation_not_found") {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "conversation_not_found", message: "The conversation was not found." },
    });
  } else if (updateRes.isErr()) {
    return apiError(req, res, {
      status_code: 500,
      api_error: { type: "internal_server_error", message: updateRes.error.message },
    });
  }

  const conversation = updateRes.value;

  void emitAuditLogEvent({
    auth,
    action: "conversation.visibility_updated",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "conversation", id: conversation.sId, name: conversation.name },
    ],
    context: getAuditLogContext(auth, req),
    metadata: {
      visibility,
    },
  });

  res.status(200).json({ conversation });
}

export default withSessionAuthenticationForWorkspace(handler);
