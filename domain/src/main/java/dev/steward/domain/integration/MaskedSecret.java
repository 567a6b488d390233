package dev.steward.domain.integration;

import java.util.Optional;

/**
 * How a stored secret is shown: only that it is set, and its last four characters when the secret is long enough
 * that those four give away little ({@value #MIN_LENGTH_FOR_HINT} characters or more). A shorter secret shows no
 * characters at all, since four of eight would be half of it.
 */
public record MaskedSecret(Optional<String> lastFour) {

    public static final int MIN_LENGTH_FOR_HINT = 12;

    public MaskedSecret {
        if (lastFour.isPresent() && lastFour.get().length() != 4) {
            throw new IllegalArgumentException("a hint is exactly four characters");
        }
    }

    public static MaskedSecret of(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH_FOR_HINT) {
            return new MaskedSecret(Optional.empty());
        }
        return new MaskedSecret(Optional.of(secret.substring(secret.length() - 4)));
    }

    /** {@code set} or {@code set (…wxyz)}. */
    public String text() {
        return lastFour.map(l -> "set (…" + l + ")").orElse("set");
    }
}
