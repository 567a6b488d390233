package dev.steward.adapter.psa.autotask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.psa.common.LivePsa;
import dev.steward.adapter.psa.common.Signatures;
import dev.steward.application.port.psa.PsaWebhooks;
import dev.steward.application.port.psa.PsaWebhooksContract;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.msp.MspId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Autotask callouts: X-Hook-Signature HMAC-SHA1, with or without the sha1= prefix. */
class AutotaskWebhooksTest extends PsaWebhooksContract {

    private static final String SECRET_KEY = "hook-secret";
    private final LivePsa psa = LivePsa.connect(new AutotaskProvider(), Map.of("userName", "api@acmemsp.example",
            "integrationCode", "TRACKING-ID-1"), Map.of("secret", "at-secret", "webhookSecret", SECRET_KEY));
    private final MspId msp = psa.msp();
    private final PsaWebhooks webhooks = psa.live();

    private static String body(String id, String entity, String action) {
        return "{\"Action\":\"" + action + "\",\"Guid\":\"0f6c2b1e\",\"EntityType\":\"" + entity + "\",\"Id\":" + id
                + ",\"Fields\":{\"status\":\"8\"},\"EventTime\":\"2026-11-22T09:30:01.123Z\",\"SequenceNumber\":57,"
                + "\"PersonID\":29682886}";
    }

    private static WebhookDelivery signed(String body, String key, String prefix) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new WebhookDelivery(Map.of("X-Hook-Signature", prefix + Signatures.base64Hmac("HmacSHA1",
                key.getBytes(StandardCharsets.UTF_8), bytes)), bytes);
    }

    @Override
    protected Subject subject() {
        return new Subject(webhooks, msp, "autotask");
    }

    @Override
    protected WebhookDelivery authenticDeliveryAbout(String ticketId) {
        return signed(body(ticketId, "Ticket", "Update"), SECRET_KEY, "");
    }

    @Override
    protected WebhookDelivery forgedDeliveryAbout(String ticketId) {
        return signed(body(ticketId, "Ticket", "Update"), "guess", "");
    }

    @Test
    void acceptsTheSha1Prefix() {
        assertThat(webhooks.read(msp, "autotask", signed(body("128926", "Ticket", "Create"), SECRET_KEY, "sha1=")))
                .isEqualTo(new WebhookVerdict.AboutTicket("128926", "create"));
    }

    @Test
    void ignoresDeletionsAndOtherEntities() {
        assertThat(webhooks.read(msp, "autotask", signed(body("1", "Ticket", "Delete"), SECRET_KEY, "")))
                .isInstanceOf(WebhookVerdict.Ignore.class);
        assertThat(webhooks.read(msp, "autotask", signed(body("1", "Contact", "Update"), SECRET_KEY, "")))
                .isInstanceOf(WebhookVerdict.Ignore.class);
    }
}
