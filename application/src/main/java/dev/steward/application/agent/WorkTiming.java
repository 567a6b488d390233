package dev.steward.application.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * How work reaches agents. {@code lease}: how long an agent holds a work item without renewing it
 * ({@code STEWARD_WORK_LEASE_MS}); after that the item is delivered again. Short enough that a dead agent's work moves
 * on soon, long enough for renewals to get through a slow moment. {@code sweep}: how often this control plane looks,
 * with one query for all of its waiting long polls, whether work waits for any of them that no signal announced
 * (queued by another control plane on the same database, or a lease that ran out); that is the bound within which such
 * work reaches a waiting poll. {@code recheck}: how often each waiting long poll also looks for itself, the fallback
 * for what the sweep cannot see (an item under the live lease of an earlier run of the same agent).
 */
public record WorkTiming(Duration lease, Duration recheck, Duration sweep) {

    public static final WorkTiming DEFAULT = new WorkTiming(Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofSeconds(1));

    public WorkTiming {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(recheck, "recheck");
        Objects.requireNonNull(sweep, "sweep");
        if (lease.toMillis() < 1000) {
            throw new IllegalArgumentException("a work lease lasts at least one second");
        }
        if (recheck.isNegative() || recheck.isZero()) {
            throw new IllegalArgumentException("the re-check period must be positive");
        }
        if (sweep.isNegative() || sweep.isZero()) {
            throw new IllegalArgumentException("the sweep period must be positive");
        }
    }

    /** These timings with another lease. */
    public WorkTiming withLease(Duration length) {
        return new WorkTiming(length, recheck, sweep);
    }
}
