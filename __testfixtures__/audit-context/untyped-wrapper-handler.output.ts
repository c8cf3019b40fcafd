import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import { withPublicAPIAuthentication } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import { KeyResource } from "@app/lib/resources/api_key_resource";

// The wrapper types req, res and auth; the handler itself does not annotate them.
export default withPublicAPIAuthentication(async (req, res, auth) => {
  switch (req.method) {
    case "POST": {
      const key = await KeyResource.makeNew(auth, { name: String(req.body.name) });
      void emitAuditLogEvent({
        auth,
        action: "api_key.created",
        targets: [{ type: "api_key", id: key.sId, name: key.name }],
        context: getAuditLogContext(auth, req),
        metadata: { name: key.name },
      });
      return res.status(201).json({ key: key.toJSON() });
    }
    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: { type: "method_not_supported_error", message: "POST is expected." },
      });
  }
});
