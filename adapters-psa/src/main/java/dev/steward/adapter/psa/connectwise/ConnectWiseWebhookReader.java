package dev.steward.adapter.psa.connectwise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.psa.common.Json;
import dev.steward.adapter.psa.common.Signatures;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.WebhookReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ConnectWise callbacks (THIRD-PARTY-APIS.md §1.7): the signature is base64(HMAC-SHA256(SHA-256(signing_key), raw
 * body)) in {@code x-content-signature}, and the signing key is fetched from {@code Metadata.key_url}. Because that URL
 * comes from an unauthenticated request and is fetched with the MSP's credentials, it is accepted only when it is the
 * callback-key path of the configured host ({@link CallbackKeyUrl}); any other URL is refused unfetched. Every failure
 * (no signature, not JSON, a foreign key URL, a key that cannot be fetched, a wrong signature) is the same
 * {@link WebhookVerdict.Reject}, with nothing of ConnectWise's answer in it. Fetched keys are cached per URL, at most
 * {@value #MAX_CACHED_KEYS} (least recently used dropped first). Ticket callbacks name the ticket in {@code ID};
 * deletions and other types are ignored.
 */
public final class ConnectWiseWebhookReader implements WebhookReader {

    static final int MAX_CACHED_KEYS = 32;

    private final ConnectWiseTicketSystem system;
    private final Map<String, String> keys = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_CACHED_KEYS;
        }
    });

    /** Checks key URLs against the system's API base (discovered from the site when that is what was given). */
    public ConnectWiseWebhookReader(ConnectWiseTicketSystem system) {
        this.system = system;
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
        Optional<URI> keyUrl;
        try {
            keyUrl = new CallbackKeyUrl(system.apiBase()).accepted(Json.text(event, "Metadata", "key_url")
                    .orElse(""));
        } catch (PortFailure e) {
            return new WebhookVerdict.Reject("the ConnectWise API host could not be discovered to check "
                    + "Metadata.key_url");
        }
        if (keyUrl.isEmpty()) {
            return new WebhookVerdict.Reject("Metadata.key_url is not the callback-key path of the configured "
                    + "ConnectWise host");
        }
        Optional<String> signingKey = signingKey(keyUrl.get());
        if (signingKey.isEmpty()) {
            return new WebhookVerdict.Reject("the signing key at Metadata.key_url could not be fetched");
        }
        String expected = Signatures.base64Hmac("HmacSHA256", Signatures.sha256(signingKey.get()), body);
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

    /** How many fetched keys are cached now (for tests of the bound). */
    int cachedKeys() {
        return keys.size();
    }

    /** The cached key, else the fetched one; empty when fetching fails (why is not passed on: it is CW's text). */
    private Optional<String> signingKey(URI keyUrl) {
        String cached = keys.get(keyUrl.toString());
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            String fetched = system.signingKey(keyUrl);
            keys.put(keyUrl.toString(), fetched);
            return Optional.of(fetched);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
