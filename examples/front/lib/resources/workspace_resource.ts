import type { RoleType, WorkspaceType } from "@app/types/workspace";

interface WorkspaceRow {
  id: number;
  sId: string;
  name: string;
  verifiedDomain: string | null;
  ssoEnforced: boolean;
  seatCount: number;
  workOSOrganizationId: string | null;
}

// Stand-in for the `workspaces` table.
const rows = new Map<string, WorkspaceRow>();

export class WorkspaceResource {
  readonly id: number;
  readonly sId: string;
  name: string;
  verifiedDomain: string | null;
  ssoEnforced: boolean;
  seatCount: number;
  readonly workOSOrganizationId: string | null;

  private constructor(row: WorkspaceRow) {
    this.id = row.id;
    this.sId = row.sId;
    this.name = row.name;
    this.verifiedDomain = row.verifiedDomain;
    this.ssoEnforced = row.ssoEnforced;
    this.seatCount = row.seatCount;
    this.workOSOrganizationId = row.workOSOrganizationId;
  }

  static async fetchById(sId: string): Promise<WorkspaceResource | null> {
    const row = rows.get(sId);
    return row ? new WorkspaceResource(row) : null;
  }

  static async listAll(): Promise<WorkspaceResource[]> {
    return [...rows.values()].map((row) => new WorkspaceResource(row));
  }

  /**
   * Sets the verified email domain used for auto-join. Throws when another
   * workspace already owns the domain.
   */
  async updateDomain(domain: string): Promise<void> {
    const normalized = domain.trim().toLowerCase();
    for (const row of rows.values()) {
      if (row.sId !== this.sId && row.verifiedDomain === normalized) {
        throw new Error(`Domain ${normalized} is already used by another workspace.`);
      }
    }
    const row = rows.get(this.sId);
    if (row) {
      row.verifiedDomain = normalized;
    }
    this.verifiedDomain = normalized;
  }

  toJSON(role: RoleType): WorkspaceType {
    return {
      id: this.id,
      sId: this.sId,
      name: this.name,
      role,
      verifiedDomain: this.verifiedDomain,
      workOSOrganizationId: this.workOSOrganizationId,
    };
  }
}
