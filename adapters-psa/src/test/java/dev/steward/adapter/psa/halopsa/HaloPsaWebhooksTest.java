package dev.steward.adapter.psa.halopsa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.psa.common.LivePsa;
import dev.steward.application.port.psa.PsaWebhooks;
import dev.steward.application.port.psa.PsaWebhooksContract;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.msp.MspId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Halo webhooks: Basic credentials configured on the webhook, ticket id from whichever key the payload has. */
class HaloPsaWebhooksTest extends PsaWebhooksContract {

    private final LivePsa psa = LivePsa.connect(new HaloPsaProvider(), Map.of("apiBase",
            "https://nw.halopsa.example/api/", "tokenUrl", "https://nw.halopsa.example/auth/token", "clientId",
            "steward", "replyOutcomeId", "2", "webhookUser", "steward"), Map.of("clientSecret", "s3cret",
            "webhookPassword", "pw"));
    private final MspId msp = psa.msp();
    private final PsaWebhooks webhooks = psa.live();

    private static WebhookDelivery delivery(String user, String password, String body) {
        return new WebhookDelivery(Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8))), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected Subject subject() {
        return new Subject(webhooks, msp, "halopsa");
    }

    @Override
    protected WebhookDelivery authenticDeliveryAbout(String ticketId) {
        return delivery("steward", "pw", "{\"ticket\":{\"id\":" + ticketId + ",\"summary\":\"x\"}}");
    }

    @Override
    protected WebhookDelivery forgedDeliveryAbout(String ticketId) {
        return delivery("steward", "guess", "{\"ticket\":{\"id\":" + ticketId + "}}");
    }

    @Test
    void findsTheTicketIdUnderAnyOfItsKeys() {
        assertThat(webhooks.read(msp, "halopsa", delivery("steward", "pw", "{\"ticket_id\":4711}")))
                .isEqualTo(new WebhookVerdict.AboutTicket("4711", "updated"));
        assertThat(webhooks.read(msp, "halopsa", delivery("steward", "pw", "{\"action\":{\"note\":\"x\"}}")))
                .isInstanceOf(WebhookVerdict.Ignore.class);
    }
}
