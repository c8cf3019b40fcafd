import type { NextApiRequest, NextApiResponse } from "next";

import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";

import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import type { Authenticator } from "@app/lib/auth";
import { apiError } from "@app/logger/withlogging";
import { MembershipResource } from "@app/lib/resources/membership_resource";
import { UserResource } from "@app/lib/resources/user_resource";

async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator): Promise<void> {
	const user = await UserResource.fetchById(req.query.uId as string);
	if (!user) {
		return apiError(req, res, {
			status_code: 404,
			api_error: { type: "user_not_found", message: "The user was not found." },
		});
	}

	switch (req.method) {
		case "GET":
			return res.status(200).json({ user: user.toJSON() });

		case "PATCH": {
			const seatType = req.body.seatType as "full" | "viewer";
			const membership = await MembershipResource.getActiveMembershipOfUserInWorkspace({ user, workspace: auth.getNonNullableWorkspace() });
			if (!membership) {
				return apiError(req, res, {
					status_code: 404,
					api_error: { type: "membership_not_found", message: "The user is not a member." },
				});
			}
			const updateRes = await membership.updateSeatType(auth, seatType);
			if (updateRes.isErr()) {
				return apiError(req, res, {
					status_code: 400,
					api_error: { type: "invalid_request_error", message: updateRes.error.message },
				});
			}
			const { previousSeatType } = updateRes.value;

			void emitAuditLogEvent({
				auth,
				action: "membership.seat_type_updated",
				targets: [
					buildWorkspaceTarget(auth.getNonNullableWorkspace()),
					{ type: "user", id: user.sId, name: user.name },
				],
				context: getAuditLogContext(auth, req),
				metadata: {
					previous_seat_type: String(previousSeatType),
					new_seat_type: seatType,
				},
			});

			logger.info({ userId: user.sId, previousSeatType, seatType }, "Seat type updated");

			res.status(200).json({ user: user.toJSON() });
			return;
		}

		default:
			return apiError(req, res, {
				status_code: 405,
				api_error: { type: "method_not_supported_error", message: "The method passed is not supported, GET or PATCH is expected." },
			});
	}
}

export default withSessionAuthenticationForWorkspace(handler);
