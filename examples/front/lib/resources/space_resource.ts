import type { Authenticator } from "@app/lib/auth";
import { Err, Ok } from "@app/types/shared/result";
import type { Result } from "@app/types/shared/result";

export type SpaceKind = "global" | "system" | "regular" | "public" | "conversations";

export interface SpaceType {
  sId: string;
  name: string;
  kind: SpaceKind;
  isRestricted: boolean;
  archived: boolean;
  createdAt: number;
}

interface SpaceRow {
  id: number;
  sId: string;
  workspaceId: number;
  name: string;
  kind: SpaceKind;
  isRestricted: boolean;
  archivedAt: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
}

// Stand-in for the `vaults` table (spaces were called vaults at first).
const rows = new Map<string, SpaceRow>();
let nextId = 1;

export class SpaceResource {
  readonly id: number;
  readonly sId: string;
  readonly workspaceId: number;
  name: string;
  readonly kind: SpaceKind;
  isRestricted: boolean;
  archivedAt: Date | null;
  readonly createdAt: Date;

  private constructor(row: SpaceRow) {
    this.id = row.id;
    this.sId = row.sId;
    this.workspaceId = row.workspaceId;
    this.name = row.name;
    this.kind = row.kind;
    this.isRestricted = row.isRestricted;
    this.archivedAt = row.archivedAt;
    this.createdAt = row.createdAt;
  }

  static async makeNew(blob: {
    workspaceId: number;
    name: string;
    kind: SpaceKind;
    isRestricted: boolean;
  }): Promise<SpaceResource> {
    const id = nextId++;
    const row: SpaceRow = {
      ...blob,
      id,
      sId: `vlt_${id.toString(36).padStart(10, "0")}`,
      archivedAt: null,
      deletedAt: null,
      createdAt: new Date(),
    };
    rows.set(row.sId, row);
    return new SpaceResource(row);
  }

  static async fetchById(
    auth: Authenticator,
    sId: string
  ): Promise<SpaceResource | null> {
    const row = rows.get(sId);
    if (
      !row ||
      row.deletedAt ||
      row.workspaceId !== auth.getNonNullableWorkspace().id
    ) {
      return null;
    }
    return new SpaceResource(row);
  }

  static async fetchByName(
    auth: Authenticator,
    name: string
  ): Promise<SpaceResource | null> {
    const spaces = await this.listWorkspaceSpaces(auth);
    return spaces.find((s) => s.name === name) ?? null;
  }

  static async listWorkspaceSpaces(
    auth: Authenticator
  ): Promise<SpaceResource[]> {
    return this.listForWorkspace(auth.getNonNullableWorkspace());
  }

  static async listForWorkspace(workspace: {
    id: number;
  }): Promise<SpaceResource[]> {
    return [...rows.values()]
      .filter((r) => r.workspaceId === workspace.id && !r.deletedAt)
      .map((r) => new SpaceResource(r));
  }

  isGlobal(): boolean {
    return this.kind === "global";
  }

  isSystem(): boolean {
    return this.kind === "system";
  }

  canAdministrate(auth: Authenticator): boolean {
    return auth.isAdmin() && auth.getNonNullableWorkspace().id === this.workspaceId;
  }

  async update(
    auth: Authenticator,
    blob: Partial<{ name: string; isRestricted: boolean }>
  ): Promise<Result<undefined, Error>> {
    if (!this.canAdministrate(auth)) {
      return new Err(new Error("Only admins can update spaces."));
    }
    if (blob.name !== undefined && this.isGlobal()) {
      return new Err(new Error("The global space cannot be renamed."));
    }
    const row = rows.get(this.sId);
    if (!row) {
      return new Err(new Error("Space not found."));
    }
    Object.assign(row, blob);
    Object.assign(this, blob);
    return new Ok(undefined);
  }

  async archive(auth: Authenticator): Promise<Result<undefined, Error>> {
    if (this.archivedAt) {
      return new Err(new Error("Space is already archived."));
    }
    const now = new Date();
    const res = await this.update(auth, {});
    if (res.isErr()) {
      return res;
    }
    const row = rows.get(this.sId);
    if (row) {
      row.archivedAt = now;
    }
    this.archivedAt = now;
    return new Ok(undefined);
  }

  async delete(
    auth: Authenticator,
    { hardDelete }: { hardDelete: boolean } = { hardDelete: false }
  ): Promise<Result<undefined, Error>> {
    if (!this.canAdministrate(auth)) {
      return new Err(new Error("Only admins can delete spaces."));
    }
    if (hardDelete) {
      rows.delete(this.sId);
    } else {
      const row = rows.get(this.sId);
      if (row) {
        row.deletedAt = new Date();
      }
    }
    return new Ok(undefined);
  }

  toJSON(): SpaceType {
    return {
      sId: this.sId,
      name: this.name,
      kind: this.kind,
      isRestricted: this.isRestricted,
      archived: this.archivedAt !== null,
      createdAt: this.createdAt.getTime(),
    };
  }
}
