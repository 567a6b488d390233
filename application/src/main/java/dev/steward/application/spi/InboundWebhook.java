package dev.steward.application.spi;

import dev.steward.application.stability.Stable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a connected PSA's events reach Steward, as the integration page shows it.
 *
 * @param setup  who set the webhook up, or that there is none
 * @param url    where the PSA delivers (Steward's public URL plus the PSA webhook path), when known
 * @param user   the Basic user the PSA must send ({@link Setup#PASTE} into a PSA without a signature, e.g. HaloPSA)
 * @param secret the secret to paste with it ({@link Setup#PASTE} only: a secret registered through the PSA's API is
 *               never shown)
 * @param note   one sentence for the person reading the page: what happens, and what to do if anything
 */
@Stable
public record InboundWebhook(Setup setup, Optional<String> url, Optional<String> user, Optional<String> secret,
                             String note) {

    public enum Setup {
        /** Steward registered the webhook through the PSA's API when the integration was connected. */
        REGISTERED,
        /** The PSA has no API for it: a person pastes the URL and credentials into the PSA. */
        PASTE,
        /** The MSP configured the webhook in the PSA itself and gave Steward its secret. */
        BY_HAND,
        /** No webhook: the PSA is polled only. */
        POLLING_ONLY;

        /** {@code registered}, {@code paste}, {@code by-hand}, {@code polling-only}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public InboundWebhook {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(note, "note");
        if (secret.isPresent() && setup != Setup.PASTE) {
            throw new IllegalArgumentException("only a webhook to paste shows its secret");
        }
    }

    public static InboundWebhook registered(String url, String note) {
        return new InboundWebhook(Setup.REGISTERED, Optional.of(url), Optional.empty(), Optional.empty(), note);
    }

    public static InboundWebhook pollingOnly(String note) {
        return new InboundWebhook(Setup.POLLING_ONLY, Optional.empty(), Optional.empty(), Optional.empty(), note);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "InboundWebhook[" + setup.label() + ", " + url.orElse("no url") + "]";
    }
}
