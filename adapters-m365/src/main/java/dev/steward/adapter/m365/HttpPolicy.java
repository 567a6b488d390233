package dev.steward.adapter.m365;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the adapter is with Microsoft: the timeout of one request, how many attempts a throttled call gets in
 * all, and the longest wait between two attempts (a {@code Retry-After} beyond it fails at once, retryable), so a
 * tool call never hangs on a throttled tenant for longer than about {@code maxAttempts × maxRetryWait}.
 */
record HttpPolicy(Duration requestTimeout, int maxAttempts, Duration maxRetryWait, Duration firstBackoff) {

    static final HttpPolicy DEFAULT = new HttpPolicy(Duration.ofSeconds(30), 4, Duration.ofSeconds(30),
            Duration.ofSeconds(1));

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
