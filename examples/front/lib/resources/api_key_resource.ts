import type { Authenticator } from "@app/lib/auth";
import { Err, Ok } from "@app/types/shared/result";
import type { Result } from "@app/types/shared/result";

export type ApiKeyRole = "admin" | "builder" | "user";
export type ApiKeyStatus = "active" | "disabled";

export interface ApiKeyType {
  sId: string;
  name: string;
  role: ApiKeyRole;
  status: ApiKeyStatus;
  lastUsedAt: number | null;
  // Only the last 4 characters: the full secret is shown once, at creation.
  redactedSecret: string;
}

interface ApiKeyRow {
  id: number;
  sId: string;
  workspaceId: number;
  name: string;
  role: ApiKeyRole;
  status: ApiKeyStatus;
  secret: string;
  lastUsedAt: Date | null;
  createdAt: Date;
}

const rows = new Map<string, ApiKeyRow>();
let nextId = 1;

function generateSecret(): string {
  let s = "sk-";
  for (let i = 0; i < 32; i++) {
    s += Math.floor(Math.random() * 16).toString(16);
  }
  return s;
}

export function isApiKeyRole(value: unknown): value is ApiKeyRole {
  return value === "admin" || value === "builder" || value === "user";
}

export class ApiKeyResource {
  readonly id: number;
  readonly sId: string;
  readonly workspaceId: number;
  name: string;
  readonly role: ApiKeyRole;
  status: ApiKeyStatus;
  secret: string;
  lastUsedAt: Date | null;

  private constructor(row: ApiKeyRow) {
    this.id = row.id;
    this.sId = row.sId;
    this.workspaceId = row.workspaceId;
    this.name = row.name;
    this.role = row.role;
    this.status = row.status;
    this.secret = row.secret;
    this.lastUsedAt = row.lastUsedAt;
  }

  static async makeNew(
    auth: Authenticator,
    { name, role }: { name: string; role: ApiKeyRole }
  ): Promise<ApiKeyResource> {
    const id = nextId++;
    const row: ApiKeyRow = {
      id,
      sId: `key_${id.toString(36).padStart(10, "0")}`,
      workspaceId: auth.getNonNullableWorkspace().id,
      name,
      role,
      status: "active",
      secret: generateSecret(),
      lastUsedAt: null,
      createdAt: new Date(),
    };
    rows.set(row.sId, row);
    return new ApiKeyResource(row);
  }

  static async fetchById(
    auth: Authenticator,
    sId: string
  ): Promise<ApiKeyResource | null> {
    const row = rows.get(sId);
    if (!row || row.workspaceId !== auth.getNonNullableWorkspace().id) {
      return null;
    }
    return new ApiKeyResource(row);
  }

  static async listForWorkspace(
    auth: Authenticator
  ): Promise<ApiKeyResource[]> {
    const { id: workspaceId } = auth.getNonNullableWorkspace();
    return [...rows.values()]
      .filter((r) => r.workspaceId === workspaceId)
      .map((r) => new ApiKeyResource(r));
  }

  /**
   * Disables the key. Revoked keys are kept (status "disabled") so usage
   * history still resolves.
   */
  static async revoke(
    auth: Authenticator,
    key: ApiKeyResource
  ): Promise<Result<undefined, Error>> {
    if (!auth.isBuilder()) {
      return new Err(new Error("Only builders can revoke API keys."));
    }
    if (key.status === "disabled") {
      return new Err(new Error("API key is already revoked."));
    }
    const row = rows.get(key.sId);
    if (!row) {
      return new Err(new Error("API key not found."));
    }
    row.status = "disabled";
    key.status = "disabled";
    return new Ok(undefined);
  }

  async rotateSecret(
    auth: Authenticator
  ): Promise<Result<ApiKeyResource, Error>> {
    if (!auth.isBuilder() || !this.isActive()) {
      return new Err(new Error("Cannot rotate this API key."));
    }
    const row = rows.get(this.sId);
    if (!row) {
      return new Err(new Error("API key not found."));
    }
    row.secret = generateSecret();
    this.secret = row.secret;
    return new Ok(this);
  }

  isActive(): boolean {
    return this.status === "active";
  }

  toJSON(): ApiKeyType {
    return {
      sId: this.sId,
      name: this.name,
      role: this.role,
      status: this.status,
      lastUsedAt: this.lastUsedAt ? this.lastUsedAt.getTime() : null,
      redactedSecret: `sk-...${this.secret.slice(-4)}`,
    };
  }
}
