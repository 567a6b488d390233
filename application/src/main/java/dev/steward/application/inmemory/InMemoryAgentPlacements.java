package dev.steward.application.inmemory;

import dev.steward.application.port.runtime.AgentPlacements;
import dev.steward.application.port.runtime.InstanceId;
import dev.steward.domain.client.ClientId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Agent placements in memory, judged against the {@link InMemoryInstanceRegistry} of the same process. */
public final class InMemoryAgentPlacements implements AgentPlacements {

    private final InMemoryUnitOfWork unitOfWork;
    private final InMemoryInstanceRegistry instances;
    private final Map<ClientId, Placement> placements = new ConcurrentHashMap<>();

    @Inject
    public InMemoryAgentPlacements(InMemoryUnitOfWork unitOfWork, InMemoryInstanceRegistry instances) {
        this.unitOfWork = unitOfWork;
        this.instances = instances;
    }

    @Override
    public Optional<Placement> find(ClientId client) {
        if (unitOfWork.inTransaction()) {
            unitOfWork.awaitClaim("placement:" + client);
        }
        return Optional.ofNullable(placements.get(client));
    }

    @Override
    public synchronized void save(Placement placement) {
        Placement before = placements.put(placement.client(), placement);
        unitOfWork.onRollback(() -> restore(placement.client(), before));
    }

    @Override
    public synchronized void remove(ClientId client) {
        Placement before = placements.remove(client);
        unitOfWork.onRollback(() -> restore(client, before));
    }

    private synchronized void restore(ClientId client, Placement before) {
        if (before == null) {
            placements.remove(client);
        } else {
            placements.put(client, before);
        }
    }

    @Override
    public List<Placement> all() {
        return sorted(placements.values().stream().toList());
    }

    @Override
    public List<Placement> on(InstanceId instance) {
        return sorted(placements.values().stream().filter(p -> p.instance().equals(instance)).toList());
    }

    @Override
    public synchronized List<Placement> takeOver(InstanceId newOwner, Duration liveWithin, int max) {
        Set<InstanceId> live = instances.live(liveWithin);
        List<Placement> moved = new ArrayList<>();
        for (Placement placement : all()) {
            if (moved.size() >= max) {
                break;
            }
            if (!live.contains(placement.instance())) {
                Placement now = placement.movedTo(newOwner);
                save(now);
                moved.add(now);
            }
        }
        return moved;
    }

    private static List<Placement> sorted(List<Placement> placements) {
        return placements.stream().sorted(Comparator.comparing(p -> p.client().value())).toList();
    }
}
