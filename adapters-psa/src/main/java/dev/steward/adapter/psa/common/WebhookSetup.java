package dev.steward.adapter.psa.common;

import dev.steward.application.spi.InboundWebhook;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one connected PSA's events reach Steward: what the integration page shows ({@code shown}), the values connecting
 * added and that are stored with the integration's own ({@code settings}, {@code secrets}: a registered webhook's id,
 * a generated secret), and how to remove at the PSA what was registered there ({@code removal}).
 */
public record WebhookSetup(InboundWebhook shown, Map<String, String> settings, Map<String, String> secrets,
                           Removal removal) {

    /** Removes what connecting registered at the PSA; what is gone already counts as removed. */
    @FunctionalInterface
    public interface Removal {
        Removal NOTHING = () -> {
        };

        void remove();
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSetup {
        Objects.requireNonNull(shown, "shown");
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
        Objects.requireNonNull(removal, "removal");
    }

    /** Nothing registered, nothing added: as the stored values say. */
    public static WebhookSetup shown(InboundWebhook shown) {
        return new WebhookSetup(shown, Map.of(), Map.of(), Removal.NOTHING);
    }

    /** The stored URL a registered webhook delivers to (to tell when STEWARD_PUBLIC_URL has moved since). */
    public static final String URL = "webhookUrl";

    /**
     * A webhook Steward registered when it connected ({@code id} stored), shown at the URL it was registered with
     * ({@code registeredAt}, stored) — saying so when the public URL has moved since, or is not set now — and
     * removed with {@code removal}.
     *
     * @param what what the vendor calls it, e.g. {@code callback}
     */
    public static WebhookSetup registeredEarlier(String vendor, String what, String id, Optional<String> registeredAt,
                                                 Optional<String> url, String note, Removal removal) {
        Optional<String> at = registeredAt.or(() -> url);
        String said = at.isEmpty() ? "Steward registered " + what + " " + id + " in " + vendor + "; STEWARD_PUBLIC_URL "
                + "is not set now, so this page cannot show where it delivers"
                : url.isPresent() && !url.equals(at) ? "Steward registered " + what + " " + id + " in " + vendor
                        + " for " + at.get() + ", but STEWARD_PUBLIC_URL now gives " + url.get() + ": disconnect and "
                        + "connect again to move it"
                : note;
        return new WebhookSetup(new InboundWebhook(InboundWebhook.Setup.REGISTERED, at, Optional.empty(),
                Optional.empty(), said), Map.of(), Map.of(), removal);
    }

    /** No webhook: the PSA is polled, and the note says how to get one ({@code what}: the vendor's word for it). */
    public static WebhookSetup polled(String vendor, String what, Optional<String> url) {
        return shown(InboundWebhook.pollingOnly(url.isEmpty()
                ? vendor + " is polled for new tickets: set STEWARD_PUBLIC_URL (where " + vendor + " can reach "
                        + "Steward) and connect again to have " + what
                : "Nothing was set up for webhooks (connected before STEWARD_PUBLIC_URL was set): " + vendor + " is "
                        + "polled; disconnect and connect again to have " + what));
    }

    /** A secret for a webhook: 32 random bytes, base64url without padding (43 characters). */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Never prints a secret. */
    @Override
    public String toString() {
        return "WebhookSetup[" + shown + ", settings " + settings.keySet() + ", secrets " + secrets.keySet() + "]";
    }
}
