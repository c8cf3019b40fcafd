import { buildAuditLogTarget, emitAuditLogEventDirect } from "@app/lib/api/audit/workos_audit";
import type { UserResource } from "@app/lib/resources/user_resource";
import type { LightWorkspaceType, Result } from "@app/types";
import { Err, Ok } from "@app/types";

type LoginMethod = "sso" | "google" | "email";

/** Login and logout have no Authenticator yet (or any more): the user is the actor, named by hand. */
export async function recordLogin(
  workspace: LightWorkspaceType,
  user: UserResource,
  { method, ip, verified }: { method: LoginMethod; ip: string; verified: boolean }
): Promise<Result<void, Error>> {
  if (!verified) {
    void emitAuditLogEventDirect({
      workspace,
      actor: { type: "user", id: user.sId, name: user.fullName() },
      action: "user.login_failed",
      targets: [buildAuditLogTarget("workspace", workspace), buildAuditLogTarget("user", { sId: user.sId, name: user.email })],
      context: { location: ip },
      metadata: { method, reason: "unverified_email" },
    });
    return new Err(new Error("The email address is not verified."));
  }

  const r = await user.recordLastLogin(workspace);
  if (r.isErr()) {
    return r;
  }

  void emitAuditLogEventDirect({
    workspace,
    actor: { type: "user", id: user.sId, name: user.fullName() },
    action: "user.login",
    targets: [buildAuditLogTarget("workspace", workspace), buildAuditLogTarget("user", { sId: user.sId, name: user.email })],
    context: { location: ip },
    metadata: { method },
  });

  return new Ok(undefined);
}

export function recordLogout(workspace: LightWorkspaceType, user: UserResource, ip: string): void {
  void emitAuditLogEventDirect({
    workspace,
    actor: { type: "user", id: user.sId, name: user.fullName() },
    action: "user.logout",
    targets: [buildAuditLogTarget("workspace", workspace), buildAuditLogTarget("user", { sId: user.sId, name: user.email })],
    context: { location: ip },
  });
}
