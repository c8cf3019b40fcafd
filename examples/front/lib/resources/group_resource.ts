import type { Authenticator } from "@app/lib/auth";
import { Err, Ok } from "@app/types/shared/result";
import type { Result } from "@app/types/shared/result";
import type { UserType } from "@app/types/workspace";

export type GroupKind = "regular" | "global" | "system" | "provisioned";

interface GroupRow {
  id: number;
  sId: string;
  workspaceId: number;
  name: string;
  kind: GroupKind;
  members: Map<string, UserType>;
}

const rows = new Map<string, GroupRow>();
let nextId = 1;

export class GroupResource {
  readonly id: number;
  readonly sId: string;
  readonly workspaceId: number;
  name: string;
  readonly kind: GroupKind;

  private constructor(private readonly row: GroupRow) {
    this.id = row.id;
    this.sId = row.sId;
    this.workspaceId = row.workspaceId;
    this.name = row.name;
    this.kind = row.kind;
  }

  static async fetchById(
    auth: Authenticator,
    sId: string
  ): Promise<GroupResource | null> {
    const row = rows.get(sId);
    if (!row || row.workspaceId !== auth.getNonNullableWorkspace().id) {
      return null;
    }
    return new GroupResource(row);
  }

  static async listForWorkspace(auth: Authenticator): Promise<GroupResource[]> {
    const owner = auth.getNonNullableWorkspace();
    return [...rows.values()]
      .filter((r) => r.workspaceId === owner.id)
      .map((r) => new GroupResource(r));
  }

  static async makeNew(
    auth: Authenticator,
    { name }: { name: string }
  ): Promise<Result<GroupResource, Error>> {
    const owner = auth.getNonNullableWorkspace();
    if ([...rows.values()].some((r) => r.workspaceId === owner.id && r.name === name)) {
      return new Err(new Error(`A group named "${name}" already exists.`));
    }
    const id = nextId++;
    const row: GroupRow = {
      id,
      sId: `grp_${id}`,
      workspaceId: owner.id,
      name,
      kind: "regular",
      members: new Map(),
    };
    rows.set(row.sId, row);
    return new Ok(new GroupResource(row));
  }

  toJSON(): { sId: string; name: string; kind: GroupKind; memberCount: number } {
    return { sId: this.sId, name: this.name, kind: this.kind, memberCount: this.row.members.size };
  }

  async rename(auth: Authenticator, name: string): Promise<Result<undefined, Error>> {
    if (!this.isManuallyManaged()) {
      return new Err(new Error(`Cannot rename a ${this.kind} group.`));
    }
    if ((await GroupResource.listForWorkspace(auth)).some((g) => g.name === name)) {
      return new Err(new Error(`A group named "${name}" already exists.`));
    }
    this.name = name;
    this.row.name = name;
    return new Ok(undefined);
  }

  async archive(_auth: Authenticator): Promise<Result<undefined, Error>> {
    if (!this.isManuallyManaged()) {
      return new Err(new Error(`Cannot archive a ${this.kind} group.`));
    }
    rows.delete(this.sId);
    return new Ok(undefined);
  }

  // Groups synced from the identity provider are managed there, not here.
  isManuallyManaged(): boolean {
    return this.kind === "regular";
  }

  async getActiveMembers(_auth: Authenticator): Promise<UserType[]> {
    return [...this.row.members.values()];
  }

  async addMembers(
    auth: Authenticator,
    users: UserType[]
  ): Promise<Result<undefined, Error>> {
    if (!auth.isAdmin()) {
      return new Err(new Error("Only admins can add group members."));
    }
    if (!this.isManuallyManaged()) {
      return new Err(new Error(`Cannot add members to a ${this.kind} group.`));
    }
    const alreadyMember = users.find((u) => this.row.members.has(u.sId));
    if (alreadyMember) {
      return new Err(new Error(`${alreadyMember.fullName} is already a member.`));
    }
    for (const user of users) {
      this.row.members.set(user.sId, user);
    }
    return new Ok(undefined);
  }

  /**
   * Removes the given users and returns how many were actually members.
   */
  async removeMembers(auth: Authenticator, userIds: string[]): Promise<number> {
    if (!auth.isAdmin() || !this.isManuallyManaged()) {
      return 0;
    }
    let removed = 0;
    for (const userId of userIds) {
      if (this.row.members.delete(userId)) {
        removed++;
      }
    }
    return removed;
  }
}
