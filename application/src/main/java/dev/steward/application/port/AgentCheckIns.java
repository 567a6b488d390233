package dev.steward.application.port;

import dev.steward.domain.client.ClientId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What agents report about themselves: the configuration version they run (their acknowledgement) and when they last
 * said so (their heartbeat). Kept apart from the client so that heartbeats never bump the client's version.
 */
public interface AgentCheckIns {

    record CheckIn(ClientId client, long runningConfigVersion, Instant at) {
        public CheckIn {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Records a check-in; an older one than the stored one (by time) is ignored. */
    void record(CheckIn checkIn);

    Optional<CheckIn> latest(ClientId client);

    /** Forgets the client's check-ins (its agent was removed). */
    void forget(ClientId client);
}
