import { buildAuditActor, emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";
import { emitAuditLogEvent as emitBillingEvent } from "@app/lib/billing/events";
import type { Authenticator } from "@app/lib/auth";
import logger from "@app/lib/logger";
import type { SubscriptionResource } from "@app/lib/resources/subscription_resource";

export async function cancelSubscription(auth: Authenticator, subscription: SubscriptionResource): Promise<void> {
  const owner = auth.getNonNullableWorkspace();
  const result = await subscription.cancel(auth);
  if (result.isErr()) {
    logger.error({ err: result.error, actor: buildAuditActor(auth) }, "Failed to cancel the subscription");
    throw result.error;
  }

  // The billing module has an emitAuditLogEvent of its own, with its own shape: not ours to migrate.
  void emitBillingEvent({ workspace: owner, action: "subscription.cancelled", actor: buildAuditActor(auth) });

  void emitAuditLogEvent({ auth, action: "subscription.cancelled", targets: [] });
}
