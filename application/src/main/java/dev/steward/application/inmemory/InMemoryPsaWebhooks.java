package dev.steward.application.inmemory;

import dev.steward.application.port.psa.PsaWebhooks;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhooks of in-memory PSAs: a delivery is authentic when its {@code X-Steward-Secret} header equals the secret
 * registered for the MSP and kind (compared in constant time); its JSON body names the ticket as {@code "ticketId"}.
 */
public final class InMemoryPsaWebhooks implements PsaWebhooks {

    private static final Pattern TICKET = Pattern.compile("\"ticketId\"\\s*:\\s*\"?([0-9A-Za-z-]{1,64})\"?");

    private record Key(MspId msp, String kind) {}

    private final Map<Key, byte[]> secrets = new ConcurrentHashMap<>();

    @Inject
    public InMemoryPsaWebhooks() {
    }

    public InMemoryPsaWebhooks register(MspId msp, String kind, String secret) {
        secrets.put(new Key(msp, kind), secret.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public WebhookVerdict read(MspId msp, String kind, WebhookDelivery delivery) {
        byte[] secret = secrets.get(new Key(msp, kind));
        if (secret == null) {
            return new WebhookVerdict.Reject("no " + kind + " webhook is registered for this MSP");
        }
        return read(secret, delivery);
    }

    /** Reads a delivery that must carry {@code secret} in its {@code X-Steward-Secret} header. */
    static WebhookVerdict read(byte[] secret, WebhookDelivery delivery) {
        byte[] given = delivery.header("X-Steward-Secret").orElse("").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(secret, given)) {
            return new WebhookVerdict.Reject("the shared secret does not match");
        }
        Matcher m = TICKET.matcher(new String(delivery.body(), StandardCharsets.UTF_8));
        return m.find() ? new WebhookVerdict.AboutTicket(m.group(1), "updated")
                : new WebhookVerdict.Ignore("the delivery names no ticket");
    }
}
