package dev.steward.application.inmemory;

import dev.steward.application.port.runtime.InstanceId;
import dev.steward.application.port.runtime.InstanceRegistry;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Instances of one process's in-memory store (there is only ever this one, but the rules are the same). */
public final class InMemoryInstanceRegistry implements InstanceRegistry {

    private final Clock clock;
    private final Map<InstanceId, Instant> heartbeats = new ConcurrentHashMap<>();

    @Inject
    public InMemoryInstanceRegistry(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void heartbeat(InstanceId instance, String host) {
        heartbeats.put(instance, clock.instant());
    }

    @Override
    public Set<InstanceId> live(Duration within) {
        Instant since = clock.instant().minus(within);
        return heartbeats.entrySet().stream().filter(e -> !e.getValue().isBefore(since)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void leave(InstanceId instance) {
        heartbeats.remove(instance);
    }

    @Override
    public int purge(Duration olderThan) {
        Instant before = clock.instant().minus(olderThan);
        int size = heartbeats.size();
        heartbeats.values().removeIf(at -> at.isBefore(before));
        return size - heartbeats.size();
    }
}
