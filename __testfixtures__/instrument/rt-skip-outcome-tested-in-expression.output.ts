import type { Authenticator } from "@app/lib/auth";
import type { SubscriptionResource } from "@app/lib/resources/subscription_resource";
import logger from "@app/logger/logger";
import { statsDClient } from "@app/logger/statsDClient";
import type { Result } from "@app/types/shared/result";

/**
 * Pushes the workspace's seat count to Stripe. A failure is retried by the nightly sync, so it is
 * logged and handed back to the caller rather than thrown.
 */
export async function syncSeatCountToStripe(
  auth: Authenticator,
  subscription: SubscriptionResource,
  seatCount: number,
): Promise<Result<number, Error>> {
  const updateRes = await subscription.updateSeatCount(auth, seatCount);
  updateRes.isErr() && logger.warn({ error: updateRes.error, seatCount }, "Stripe seat sync failed, will retry");
  return updateRes;
}

export async function syncSeatCountQuietly(
  auth: Authenticator,
  subscription: SubscriptionResource,
  seatCount: number,
): Promise<void> {
  const syncRes = await subscription.updateSeatCount(auth, seatCount);
  syncRes.isOk()
    ? statsDClient.increment("stripe.seat_sync.success")
    : statsDClient.increment("stripe.seat_sync.failure");
}
