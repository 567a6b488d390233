package dev.steward.adapter.psa.connectwise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.psa.common.Json;
import dev.steward.adapter.psa.common.Signatures;
import dev.steward.adapter.psa.common.WebhookReader;
import dev.steward.application.port.WebhookDelivery;
import dev.steward.application.port.WebhookVerdict;
import dev.steward.application.problem.PortFailure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ConnectWise callbacks (THIRD-PARTY-APIS.md §1.7): the signing key is fetched from {@code Metadata.key_url} — only
 * when that URL is on the configured ConnectWise host, so a forged delivery cannot bring its own key — and cached per
 * URL; the signature is base64(HMAC-SHA256(SHA-256(signing_key), raw body)) in {@code x-content-signature}. Ticket
 * callbacks name the ticket in {@code ID}; deletions and other types are ignored.
 */
public final class ConnectWiseWebhookReader implements WebhookReader {

    private final ConnectWiseTicketSystem system;
    private final URI apiBase;
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    public ConnectWiseWebhookReader(ConnectWiseTicketSystem system, URI apiBase) {
        this.system = system;
        this.apiBase = apiBase;
    }

    @Override
    public WebhookVerdict read(WebhookDelivery delivery) {
        byte[] body = delivery.body();
        String given = delivery.header("x-content-signature").orElse("");
        if (given.isBlank()) {
            return new WebhookVerdict.Reject("x-content-signature is missing");
        }
        JsonNode event;
        try {
            event = Json.parse(ConnectWiseTicketSystem.KIND, new String(body, StandardCharsets.UTF_8));
        } catch (PortFailure e) {
            return new WebhookVerdict.Reject("the body is not JSON");
        }
        URI keyUrl;
        try {
            keyUrl = URI.create(Json.text(event, "Metadata", "key_url").orElse(""));
        } catch (IllegalArgumentException e) {
            return new WebhookVerdict.Reject("Metadata.key_url is not a URL");
        }
        if (!sameOrigin(keyUrl, apiBase)) {
            return new WebhookVerdict.Reject("Metadata.key_url is not on the configured ConnectWise host");
        }
        String signingKey = keys.computeIfAbsent(keyUrl.toString(), url -> system.signingKey(URI.create(url)));
        String expected = Signatures.base64Hmac("HmacSHA256", Signatures.sha256(signingKey), body);
        if (!Signatures.same(expected, given.strip())) {
            return new WebhookVerdict.Reject("x-content-signature does not match");
        }
        String action = Json.text(event, "Action").orElse("").toLowerCase(Locale.ROOT);
        if (!Json.text(event, "Type").orElse("ticket").equalsIgnoreCase("ticket")) {
            return new WebhookVerdict.Ignore("not a ticket callback");
        }
        if (action.equals("deleted")) {
            return new WebhookVerdict.Ignore("the ticket was deleted");
        }
        return Json.text(event, "ID").filter(id -> id.matches("[0-9]{1,18}"))
                .<WebhookVerdict>map(id -> new WebhookVerdict.AboutTicket(id, action))
                .orElseGet(() -> new WebhookVerdict.Reject("the callback names no ticket id"));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getHost() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort()
                && Objects.requireNonNullElse(a.getRawUserInfo(), "").isEmpty();
    }
}
