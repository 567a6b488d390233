package dev.steward.application.inmemory;

import dev.steward.application.port.AgentPlacements;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.InstanceRegistry;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.AgentPlacementsContract;
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
