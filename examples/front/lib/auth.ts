import type { NextApiRequest } from "next";

import { MembershipResource } from "@app/lib/resources/membership_resource";
import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import type { RoleType, UserType, WorkspaceType } from "@app/types/workspace";

const SESSION_COOKIE = "front_session";

export interface SessionWithUser {
  userId: string;
}

/**
 * Reads the session cookie. The real implementation decrypts a WorkOS
 * session; the demo stores the user sId directly.
 */
export function getSessionFromCookieHeader(
  cookieHeader: string | undefined
): SessionWithUser | null {
  if (!cookieHeader) {
    return null;
  }
  for (const part of cookieHeader.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === SESSION_COOKIE && value) {
      return { userId: decodeURIComponent(value) };
    }
  }
  return null;
}

export function getSession(req: NextApiRequest): SessionWithUser | null {
  const userId = req.cookies[SESSION_COOKIE];
  return userId ? { userId } : null;
}

/**
 * Who is acting, in which workspace, with which role. Passed explicitly to
 * every resource method so permission checks cannot be forgotten.
 */
export class Authenticator {
  private readonly _workspace: WorkspaceType | null;
  private readonly _user: UserType | null;
  private readonly _role: RoleType;

  constructor({
    workspace,
    user,
    role,
  }: {
    workspace: WorkspaceType | null;
    user: UserType | null;
    role: RoleType;
  }) {
    this._workspace = workspace;
    this._user = user;
    this._role = role;
  }

  static async fromUserIdAndWorkspaceId(
    userId: string,
    workspaceId: string
  ): Promise<Authenticator> {
    const workspace = await WorkspaceResource.fetchById(workspaceId);
    if (!workspace) {
      return new Authenticator({ workspace: null, user: null, role: "none" });
    }

    const membership = await MembershipResource.getActiveMembership({
      workspaceId: workspace.id,
      userId,
    });
    const role: RoleType = membership ? membership.role : "none";

    return new Authenticator({
      workspace: workspace.toJSON(role),
      user: membership ? membership.user : null,
      role,
    });
  }

  static async internalAdminForWorkspace(
    workspaceId: string
  ): Promise<Authenticator> {
    const workspace = await WorkspaceResource.fetchById(workspaceId);
    if (!workspace) {
      throw new Error(`Workspace not found: ${workspaceId}`);
    }
    return new Authenticator({
      workspace: workspace.toJSON("admin"),
      user: null,
      role: "admin",
    });
  }

  workspace(): WorkspaceType | null {
    return this._workspace;
  }

  getNonNullableWorkspace(): WorkspaceType {
    if (!this._workspace) {
      throw new Error("Unexpected unauthenticated call to getNonNullableWorkspace.");
    }
    return this._workspace;
  }

  user(): UserType | null {
    return this._user;
  }

  getNonNullableUser(): UserType {
    if (!this._user) {
      throw new Error("Unexpected unauthenticated call to getNonNullableUser.");
    }
    return this._user;
  }

  role(): RoleType {
    return this._role;
  }

  isAdmin(): boolean {
    return this._role === "admin";
  }

  isBuilder(): boolean {
    return this._role === "admin" || this._role === "builder";
  }

  isUser(): boolean {
    return this._role !== "none";
  }
}
