package dev.steward.adapter.psa.halopsa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.psa.common.Json;
import dev.steward.adapter.psa.common.Secret;
import dev.steward.adapter.psa.common.Signatures;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.WebhookReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HaloPSA webhooks (THIRD-PARTY-APIS.md §2.4): no body signature, so the webhook is configured with Basic
 * authentication and the delivery must carry exactly those credentials. The ticket id is taken from
 * {@code ticket.id}, {@code ticket_id} or {@code id}, whichever the payload has.
 */
public final class HaloPsaWebhookReader implements WebhookReader {

    private final String expected;

    public HaloPsaWebhookReader(String user, Secret password) {
        this.expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password.reveal())
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public WebhookVerdict read(WebhookDelivery delivery) {
        if (!Signatures.same(expected, delivery.header("Authorization").orElse(""))) {
            return new WebhookVerdict.Reject("the Basic credentials do not match");
        }
        JsonNode event;
        try {
            event = Json.parse(HaloPsaTicketSystem.KIND, new String(delivery.body(), StandardCharsets.UTF_8));
        } catch (PortFailure e) {
            return new WebhookVerdict.Reject("the body is not JSON");
        }
        Optional<String> id = Json.text(event, "ticket", "id").or(() -> Json.text(event, "ticket_id"))
                .or(() -> Json.text(event, "id")).filter(s -> s.matches("[0-9]{1,18}"));
        return id.<WebhookVerdict>map(t -> new WebhookVerdict.AboutTicket(t, "updated"))
                .orElseGet(() -> new WebhookVerdict.Ignore("the payload names no ticket"));
    }
}
