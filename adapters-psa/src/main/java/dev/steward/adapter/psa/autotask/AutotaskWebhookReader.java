package dev.steward.adapter.psa.autotask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.psa.common.Json;
import dev.steward.adapter.psa.common.Secret;
import dev.steward.adapter.psa.common.Signatures;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.WebhookReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Autotask webhook callouts (THIRD-PARTY-APIS.md §3.5): {@code X-Hook-Signature} is the base64 HMAC-SHA1 of the raw
 * body keyed with the webhook's {@code secretKey}, with or without a {@code sha1=} prefix. Ticket events name the
 * ticket in {@code Id}; deletions, deactivations and other entities are ignored, and so is an event the API user
 * caused ({@code PersonID} is its resource: Steward's own note or status change), so Steward's writes do not wake the
 * agent again.
 */
public final class AutotaskWebhookReader implements WebhookReader {

    private final Secret secretKey;
    private final Supplier<Optional<String>> ownResource;

    public AutotaskWebhookReader(Secret secretKey) {
        this(secretKey, Optional::empty);
    }

    /** @param ownResource the API user's resource id, when Autotask tells it */
    public AutotaskWebhookReader(Secret secretKey, Supplier<Optional<String>> ownResource) {
        this.secretKey = secretKey;
        this.ownResource = ownResource;
    }

    @Override
    public WebhookVerdict read(WebhookDelivery delivery) {
        String given = delivery.header("X-Hook-Signature").map(String::strip).orElse("");
        if (given.regionMatches(true, 0, "sha1=", 0, 5)) {
            given = given.substring(5);
        }
        byte[] body = delivery.body();
        String expected = Signatures.base64Hmac("HmacSHA1", secretKey.reveal().getBytes(StandardCharsets.UTF_8), body);
        if (given.isEmpty() || !Signatures.same(expected, given)) {
            return new WebhookVerdict.Reject("X-Hook-Signature does not match");
        }
        JsonNode event;
        try {
            event = Json.parse(AutotaskTicketSystem.KIND, new String(body, StandardCharsets.UTF_8));
        } catch (PortFailure e) {
            return new WebhookVerdict.Reject("the body is not JSON");
        }
        String action = Json.text(event, "Action").orElse("");
        if (!Json.text(event, "EntityType").orElse("").equalsIgnoreCase("Ticket")) {
            return new WebhookVerdict.Ignore("not a ticket event");
        }
        if (!action.equalsIgnoreCase("Create") && !action.equalsIgnoreCase("Update")) {
            return new WebhookVerdict.Ignore("action " + action + " needs no agent");
        }
        Optional<String> person = Json.text(event, "PersonID");
        if (person.isPresent() && ownResource.get().filter(person.get()::equals).isPresent()) {
            return new WebhookVerdict.Ignore("Steward's own change (by the API user)");
        }
        return Json.text(event, "Id").filter(id -> id.matches("[0-9]{1,18}"))
                .<WebhookVerdict>map(id -> new WebhookVerdict.AboutTicket(id, action.toLowerCase(java.util.Locale.ROOT)))
                .orElseGet(() -> new WebhookVerdict.Reject("the event names no ticket id"));
    }
}
