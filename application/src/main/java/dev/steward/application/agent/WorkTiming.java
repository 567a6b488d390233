package dev.steward.application.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an agent holds a work item without renewing it ({@code STEWARD_WORK_LEASE_MS}): after that the item is
 * delivered again. Short enough that a dead agent's work moves on soon, long enough for renewals to get through a
 * slow moment. {@code recheck}: how often a long poll looks at the store for work queued by another control plane.
 */
public record WorkTiming(Duration lease, Duration recheck) {

    public static final WorkTiming DEFAULT = new WorkTiming(Duration.ofSeconds(30), Duration.ofSeconds(1));

    public WorkTiming {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(recheck, "recheck");
        if (lease.toMillis() < 1000) {
            throw new IllegalArgumentException("a work lease lasts at least one second");
        }
        if (recheck.isNegative() || recheck.isZero()) {
            throw new IllegalArgumentException("the re-check period must be positive");
        }
    }
}
