package dev.steward.application.inmemory;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.runtime.AgentPlacements;
import dev.steward.application.port.runtime.AgentPlacementsContract;
import dev.steward.application.port.runtime.InstanceRegistry;
import dev.steward.application.port.store.UnitOfWork;
import java.time.Clock;

class InMemoryAgentPlacementsTest extends AgentPlacementsContract {

    private final InMemoryStores stores = new InMemoryStores();
    private final InMemoryInstanceRegistry instances = new InMemoryInstanceRegistry(Clock.systemUTC());
    private final InMemoryAgentPlacements placements = new InMemoryAgentPlacements(stores.unitOfWork, instances);

    @Override
    protected AgentPlacements placements() {
        return placements;
    }

    @Override
    protected InstanceRegistry instances() {
        return instances;
    }

    @Override
    protected MspRepository msps() {
        return stores.msps;
    }

    @Override
    protected ClientRepository clients() {
        return stores.clients;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork;
    }
}
