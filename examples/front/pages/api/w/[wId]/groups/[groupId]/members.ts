import type { NextApiRequest, NextApiResponse } from "next";

import {
  buildWorkspaceTarget,
  emitAuditLogEvent,
  getAuditLogContext,
} from "@app/lib/api/audit/workos_audit";
import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
import { apiError } from "@app/lib/api/errors";
import type { WithAPIErrorResponse } from "@app/lib/api/errors";
import type { Authenticator } from "@app/lib/auth";
import { GroupResource } from "@app/lib/resources/group_resource";
import { MembershipResource } from "@app/lib/resources/membership_resource";
import type { UserType } from "@app/types/workspace";

type PostGroupMembersResponseBody = { members: UserType[] };
type DeleteGroupMembersResponseBody = { removed: number };

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

async function handler(
  req: NextApiRequest,
  res: NextApiResponse<
    WithAPIErrorResponse<PostGroupMembersResponseBody | DeleteGroupMembersResponseBody>
  >,
  auth: Authenticator
): Promise<void> {
  if (!auth.isAdmin()) {
    return apiError(req, res, {
      status_code: 403,
      api_error: {
        type: "workspace_auth_error",
        message: "Only users that are `admins` can manage group members.",
      },
    });
  }

  const { groupId } = req.query;
  const group =
    typeof groupId === "string" ? await GroupResource.fetchById(auth, groupId) : null;
  if (!group) {
    return apiError(req, res, {
      status_code: 404,
      api_error: { type: "group_not_found", message: "The group was not found." },
    });
  }

  switch (req.method) {
    case "POST": {
      const { userId } = req.body ?? {};
      if (typeof userId !== "string") {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: "`userId` is required." },
        });
      }

      const user = await MembershipResource.getActiveMemberUser(auth, userId);
      if (!user) {
        return apiError(req, res, {
          status_code: 404,
          api_error: { type: "user_not_found", message: "The user is not a member of this workspace." },
        });
      }

      const addRes = await group.addMembers(auth, [user]);
      if (addRes.isErr()) {
        return apiError(req, res, {
          status_code: 400,
          api_error: { type: "invalid_request_error", message: addRes.error.message },
        });
      }

      const members = await group.getActiveMembers(auth);

      void emitAuditLogEvent({
        auth,
        action: "group.member_added",
        targets: [
          buildWorkspaceTarget(auth.getNonNullableWorkspace()),
          { type: "group", id: group.sId, name: group.name },
          { type: "user", id: user.sId, name: user.fullName },
        ],
        metadata: {
          member_count: members.length, // size after the add
        },
      });

      return res.status(200).json({ members });
    }

    case "DELETE": {
      const { userIds } = req.body ?? {};
      if (!isStringArray(userIds) || userIds.length === 0) {
        return apiError(req, res, {
          status_code: 400,
          api_error: {
            type: "invalid_request_error",
            message: "`userIds` must be a non-empty array of user ids.",
          },
        });
      }

      const count = await group.removeMembers(auth, userIds);
      if (count === 0) {
        return apiError(req, res, {
          status_code: 404,
          api_error: {
            type: "user_not_found",
            message: "None of the given users are members of this group.",
          },
        });
      }

      void emitAuditLogEvent({
        auth,
        action: "group.member_removed",
        targets: [{ type: "group", id: group.sId, name: group.name }],
        context: getAuditLogContext(auth, req),
        metadata: { count },
      });

      return res.status(200).json({ removed: count });
    }

    default:
      return apiError(req, res, {
        status_code: 405,
        api_error: {
          type: "method_not_supported_error",
          message: "The method passed is not supported, POST or DELETE is expected.",
        },
      });
  }
}

export default withSessionAuthenticationForWorkspace(handler);
