package dev.steward.application.port.activity;

import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A page of one MSP's activity, newest first: optionally one client (empty = MSP-wide), one ticket, one tool, one
 * outcome, a time range [{@code from}, {@code to}), and a keyset cursor {@code before} (the last entry of the previous
 * page: entries strictly older in (at, id) order).
 */
public record ActivityQuery(MspId msp, Optional<ClientId> client, Optional<String> ticket, Optional<ToolName> tool,
                            Optional<ActivityOutcome> outcome, Optional<Instant> from, Optional<Instant> to,
                            Optional<Cursor> before, int limit) {

    public static final int MAX_LIMIT = 1_000;

    /** Position of an entry in newest-first order. */
    public record Cursor(Instant at, UUID id) {
        public Cursor {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(id, "id");
        }
    }

    public ActivityQuery {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(before, "before");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
        }
    }

    public static ActivityQuery newest(MspId msp, Optional<ClientId> client, int limit) {
        return new ActivityQuery(msp, client, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), limit);
    }
}
