package dev.steward.application.port.client;

import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of one MSP's clients ordered by slug: optionally only one status, optionally only names or slugs
 * containing {@code search} (case-insensitive), starting after slug {@code after} (keyset pagination).
 */
public record ClientQuery(MspId msp, Optional<AgentStatus> status, Optional<String> search, Optional<Slug> after,
                          int limit) {

    public static final int MAX_LIMIT = 1_000;

    public ClientQuery {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
        }
    }

    public static ClientQuery all(MspId msp) {
        return new ClientQuery(msp, Optional.empty(), Optional.empty(), Optional.empty(), MAX_LIMIT);
    }
}
