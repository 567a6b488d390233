package dev.steward.adapter.web.api;

import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.StatusChange;
import java.time.Instant;

/** One recorded status transition; {@code from} is null for the client's registration. */
public record StatusChangeJson(long sequence, String from, String to, Instant at, String reason) {

    public static StatusChangeJson from(StatusChange change) {
        return new StatusChangeJson(change.sequence(), change.from().map(AgentStatus::label).orElse(null),
                change.to().label(), change.at(), change.reason());
    }
}
