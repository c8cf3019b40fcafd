import type { Authenticator } from "@app/lib/auth";
import type { Transaction } from "@app/lib/utils/transactions";
import { Err, Ok } from "@app/types/shared/result";
import type { Result } from "@app/types/shared/result";

interface FrameRow {
  id: number;
  sId: string;
  workspaceId: number;
  name: string;
  versions: number;
}

const rows = new Map<string, FrameRow>();

export class FrameResource {
  readonly sId: string;
  readonly name: string;

  private constructor(private readonly row: FrameRow) {
    this.sId = row.sId;
    this.name = row.name;
  }

  static async fetchById(auth: Authenticator, sId: string): Promise<FrameResource | null> {
    const row = rows.get(sId);
    if (!row || row.workspaceId !== auth.getNonNullableWorkspace().id) {
      return null;
    }
    return new FrameResource(row);
  }

  get versionCount(): number {
    return this.row.versions;
  }

  async deleteVersions(
    _auth: Authenticator,
    { transaction }: { transaction: Transaction }
  ): Promise<number> {
    const deleted = this.row.versions;
    transaction.afterCommit(() => {
      this.row.versions = 0;
    });
    return deleted;
  }

  async delete(
    auth: Authenticator,
    { transaction }: { transaction: Transaction }
  ): Promise<Result<undefined, Error>> {
    if (!auth.isAdmin()) {
      return new Err(new Error("Only admins can delete frames."));
    }
    transaction.afterCommit(() => {
      rows.delete(this.sId);
    });
    return new Ok(undefined);
  }
}
