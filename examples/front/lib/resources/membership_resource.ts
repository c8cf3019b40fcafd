import type { Authenticator } from "@app/lib/auth";
import type { UserType } from "@app/types/workspace";

export type MembershipRole = "admin" | "builder" | "user";

interface MembershipRow {
  id: number;
  sId: string;
  workspaceId: number;
  user: UserType;
  role: MembershipRole;
  startAt: Date;
  endAt: Date | null;
}

const rows: MembershipRow[] = [];

export function isMembershipRole(value: unknown): value is MembershipRole {
  return value === "admin" || value === "builder" || value === "user";
}

export class MembershipResource {
  readonly id: number;
  readonly sId: string;
  // The member's display name, denormalized for listings.
  readonly name: string;
  readonly workspaceId: number;
  readonly user: UserType;
  role: MembershipRole;
  readonly startAt: Date;
  endAt: Date | null;

  private constructor(row: MembershipRow) {
    this.id = row.id;
    this.sId = row.sId;
    this.name = row.user.fullName;
    this.workspaceId = row.workspaceId;
    this.user = row.user;
    this.role = row.role;
    this.startAt = row.startAt;
    this.endAt = row.endAt;
  }

  static async getActiveMembership({
    workspaceId,
    userId,
  }: {
    workspaceId: number;
    userId: string;
  }): Promise<MembershipResource | null> {
    const row = rows.find(
      (r) => r.workspaceId === workspaceId && r.user.sId === userId && !r.endAt
    );
    return row ? new MembershipResource(row) : null;
  }

  static async getActiveMemberUser(
    auth: Authenticator,
    userId: string
  ): Promise<UserType | null> {
    const membership = await this.getActiveMembership({
      workspaceId: auth.getNonNullableWorkspace().id,
      userId,
    });
    return membership ? membership.user : null;
  }

  static async countActiveAdmins(workspaceId: number): Promise<number> {
    return rows.filter(
      (r) => r.workspaceId === workspaceId && r.role === "admin" && !r.endAt
    ).length;
  }

  /**
   * Sequelize-style bulk update: resolves to [affectedCount].
   */
  static async updateRole({
    workspaceId,
    userId,
    newRole,
  }: {
    workspaceId: number;
    userId: string;
    newRole: MembershipRole;
  }): Promise<[affectedCount: number]> {
    let affectedCount = 0;
    for (const row of rows) {
      if (row.workspaceId === workspaceId && row.user.sId === userId && !row.endAt) {
        row.role = newRole;
        affectedCount++;
      }
    }
    return [affectedCount];
  }
}
