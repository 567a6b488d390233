package dev.steward.application.port.psa;

import dev.steward.application.stability.Stable;
import dev.steward.domain.msp.MspId;

/**
 * Checks and reads webhook deliveries of an MSP's PSA: the vendor's signature or shared secret, then which ticket the
 * event is about. Rules ({@code PsaWebhooksContract}): a delivery whose signature or secret does not match is
 * {@link WebhookVerdict.Reject}ed, never read; a delivery for a PSA the MSP has not connected is rejected; reading
 * does not call the ticket system's write methods.
 */
@Stable
public interface PsaWebhooks {

    WebhookVerdict read(MspId msp, String kind, WebhookDelivery delivery);
}
