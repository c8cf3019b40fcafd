import type { Authenticator } from "@app/lib/auth";
import { Err, Ok } from "@app/types/shared/result";
import type { Result } from "@app/types/shared/result";

export type CredentialProvider = "snowflake" | "bigquery" | "salesforce";

interface CredentialRow {
  id: number;
  sId: string;
  workspaceId: number;
  name: string;
  provider: CredentialProvider;
  // Encrypted at rest; never returned by the API.
  secret: string;
}

const rows = new Map<string, CredentialRow>();
let nextId = 1;

export function isCredentialProvider(value: unknown): value is CredentialProvider {
  return value === "snowflake" || value === "bigquery" || value === "salesforce";
}

export class CredentialResource {
  readonly sId: string;
  readonly name: string;
  readonly provider: CredentialProvider;

  private constructor(row: CredentialRow) {
    this.sId = row.sId;
    this.name = row.name;
    this.provider = row.provider;
  }

  static async makeNew(
    auth: Authenticator,
    blob: { name: string; provider: CredentialProvider; secret: string }
  ): Promise<Result<CredentialResource, Error>> {
    const owner = auth.getNonNullableWorkspace();
    const taken = [...rows.values()].some(
      (r) => r.workspaceId === owner.id && r.name === blob.name
    );
    if (taken) {
      return new Err(new Error(`A credential named "${blob.name}" already exists.`));
    }
    const id = nextId++;
    const row: CredentialRow = { id, sId: `cred_${id}`, workspaceId: owner.id, ...blob };
    rows.set(row.sId, row);
    return new Ok(new CredentialResource(row));
  }

  toJSON(): { sId: string; name: string; provider: CredentialProvider } {
    return { sId: this.sId, name: this.name, provider: this.provider };
  }
}
