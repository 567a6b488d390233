package dev.steward.application.inmemory;

import dev.steward.application.port.psa.PsaWebhooksContract;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.msp.MspId;
import java.nio.charset.StandardCharsets;
import java.util.Map;

class InMemoryPsaWebhooksTest extends PsaWebhooksContract {

    private final MspId msp = Fixtures.uniqueMspId();
    private final InMemoryPsaWebhooks webhooks = new InMemoryPsaWebhooks().register(msp, "memory", "s3cr3t");

    @Override
    protected Subject subject() {
        return new Subject(webhooks, msp, "memory");
    }

    private static WebhookDelivery delivery(String secret, String ticketId) {
        return new WebhookDelivery(Map.of("x-steward-secret", secret),
                ("{\"ticketId\":\"" + ticketId + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected WebhookDelivery authenticDeliveryAbout(String ticketId) {
        return delivery("s3cr3t", ticketId);
    }

    @Override
    protected WebhookDelivery forgedDeliveryAbout(String ticketId) {
        return delivery("guess", ticketId);
    }
}
