package dev.steward.adapter.psa.common;

import dev.steward.application.port.WebhookDelivery;
import dev.steward.application.port.WebhookVerdict;

/** Checks and reads the webhook deliveries of one connected PSA (one MSP's credentials and secrets). */
@FunctionalInterface
public interface WebhookReader {

    WebhookVerdict read(WebhookDelivery delivery);
}
