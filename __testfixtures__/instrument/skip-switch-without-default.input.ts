import type { Authenticator } from "@app/lib/auth";
import type { KeyResource } from "@app/lib/resources/key_resource";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";

export async function revokeKey(auth: Authenticator, key: KeyResource): Promise<Result<void, Error>> {
  const r = await key.revoke(auth);
  if (r.isErr()) {
    switch (r.error.code) {
      case "already_revoked":
        return new Err(new Error("Already revoked"));
      case "unauthorized":
        return new Err(new Error("Unauthorized"));
    }
  }
  return new Ok(undefined);
}
