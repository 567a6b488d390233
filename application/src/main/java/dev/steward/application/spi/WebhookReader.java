package dev.steward.application.spi;

import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.stability.Stable;

/**
 * Checks and reads one connection's webhook deliveries: the vendor's signature or shared secret first (a delivery
 * that does not match is {@link WebhookVerdict.Reject}ed, never read), then which ticket the event is about.
 */
@Stable
@FunctionalInterface
public interface WebhookReader {

    WebhookVerdict read(WebhookDelivery delivery);
}
