package dev.steward.adapter.psa.common;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient an adapter is: the timeout of one request, how many attempts a throttled (HTTP 429) call gets in all,
 * and the longest wait between two attempts (a {@code Retry-After} beyond it fails at once, retryable).
 */
public record HttpSettings(Duration requestTimeout, int maxAttempts, Duration maxRetryWait, Duration firstBackoff) {

    public static final HttpSettings DEFAULT = new HttpSettings(Duration.ofSeconds(20), 4, Duration.ofSeconds(60),
            Duration.ofSeconds(1));

    public HttpSettings {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1-10");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
    }
}
