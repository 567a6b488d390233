package dev.steward.application.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A client at a glance, for the client list: how many requests wait for its agent, and when its newest activity
 * entry was written (empty when it has none yet).
 */
public record ClientActivitySummary(int waitingRequests, Optional<Instant> lastActivity) {

    public ClientActivitySummary {
        if (waitingRequests < 0) {
            throw new IllegalArgumentException("waitingRequests must not be negative");
        }
        Objects.requireNonNull(lastActivity, "lastActivity");
    }
}
