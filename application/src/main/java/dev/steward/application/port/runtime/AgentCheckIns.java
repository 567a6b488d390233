package dev.steward.application.port.runtime;

import dev.steward.application.stability.Stable;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What agents report about themselves: the configuration version they run (their acknowledgement), when they last
 * said so (their heartbeat), and the resources they use as they measure them (so the figures are real wherever the
 * agent runs, on any Swarm node). Kept apart from the client so that heartbeats never bump the client's version.
 */
@Stable
public interface AgentCheckIns {

    /** {@code usage}: the agent's own CPU, memory and I/O at check-in; empty when it did not report any. */
    record CheckIn(ClientId client, long runningConfigVersion, Instant at, Optional<ResourceUsage> usage) {
        public CheckIn {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(usage, "usage");
        }

        public CheckIn(ClientId client, long runningConfigVersion, Instant at) {
            this(client, runningConfigVersion, at, Optional.empty());
        }
    }

    /**
     * Records a check-in, its usage included; an older one than the stored one (by time) is ignored. A check-in that
     * reports no usage keeps the usage reported before: agents measure themselves every
     * {@code AgentCommand.USAGE_EVERY} (30 s), not at every heartbeat, which would cost them CPU for nothing.
     */
    void record(CheckIn checkIn);

    Optional<CheckIn> latest(ClientId client);

    /**
     * The latest check-in of each of {@code clients} that has one, for a pass that judges many agents at once (a store
     * answers it in one query; this default asks for each).
     */
    default Map<ClientId, CheckIn> latest(Collection<ClientId> clients) {
        Map<ClientId, CheckIn> found = new HashMap<>();
        for (ClientId client : clients) {
            latest(client).ifPresent(checkIn -> found.put(client, checkIn));
        }
        return found;
    }

    /** Forgets the client's check-ins (its agent was removed). */
    void forget(ClientId client);
}
