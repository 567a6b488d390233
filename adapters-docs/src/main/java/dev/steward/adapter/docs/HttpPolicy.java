package dev.steward.adapter.docs;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the adapter is with a documentation platform: the timeout of one request, how many attempts a throttled
 * call gets in all, the longest wait between two (a {@code Retry-After} beyond it fails at once, retryable) and the
 * first back-off when the platform sends no {@code Retry-After} (Hudu does not, THIRD-PARTY-APIS.md §0.1).
 */
record HttpPolicy(Duration requestTimeout, int maxAttempts, Duration maxRetryWait, Duration firstBackoff) {

    HttpPolicy {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1-10");
        }
        if (!requestTimeout.isPositive()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
    }
}
