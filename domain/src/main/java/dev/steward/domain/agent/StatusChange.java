package dev.steward.domain.agent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded transition. {@code sequence} numbers a client's changes from 1 so a store can append only the new
 * ones; the first change (registration) has no {@code from}.
 */
public record StatusChange(long sequence, Optional<AgentStatus> from, AgentStatus to, Instant at, String reason) {

    public static final int MAX_REASON = 2_000;

    public StatusChange {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON - 1) + "…";
        }
    }
}
