package dev.steward.application.inmemory;

import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.domain.client.ClientId;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Agent check-ins in memory. */
public final class InMemoryAgentCheckIns implements AgentCheckIns {

    private final Map<ClientId, CheckIn> latest = new ConcurrentHashMap<>();

    @Inject
    public InMemoryAgentCheckIns() {
    }

    @Override
    public void record(CheckIn checkIn) {
        latest.merge(checkIn.client(), checkIn, (old, next) -> next.at().isBefore(old.at()) ? old
                : next.usage().isPresent() ? next
                : new CheckIn(next.client(), next.runningConfigVersion(), next.at(), old.usage()));
    }

    @Override
    public Optional<CheckIn> latest(ClientId client) {
        return Optional.ofNullable(latest.get(client));
    }

    @Override
    public void forget(ClientId client) {
        latest.remove(client);
    }
}
