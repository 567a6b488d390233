package dev.steward.domain.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When the reconciler may try a failing agent again, with exponential back-off: 1 s, 2 s, 4 s … capped at 5 min.
 * {@code failures} counts consecutive failed attempts; success resets it.
 */
public record RetrySchedule(int failures, Optional<Instant> nextAttemptAt) {

    public static final RetrySchedule NONE = new RetrySchedule(0, Optional.empty());
    /** After this many consecutive retryable failures a pending agent is declared in error. */
    public static final int GIVE_UP_AFTER = 8;
    static final Duration CAP = Duration.ofMinutes(5);

    public RetrySchedule {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative");
        }
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    public RetrySchedule afterFailure(Instant at) {
        int count = failures + 1;
        return new RetrySchedule(count, Optional.of(at.plus(delayAfter(count))));
    }

    public static Duration delayAfter(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(failures - 1, 20);
        Duration delay = Duration.ofSeconds(seconds);
        return delay.compareTo(CAP) > 0 ? CAP : delay;
    }

    public boolean isDue(Instant now) {
        return nextAttemptAt.map(t -> !now.isBefore(t)).orElse(true);
    }

    public boolean exhausted() {
        return failures >= GIVE_UP_AFTER;
    }
}
