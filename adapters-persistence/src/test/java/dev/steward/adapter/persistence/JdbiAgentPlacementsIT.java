package dev.steward.adapter.persistence;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.runtime.AgentPlacements;
import dev.steward.application.port.runtime.AgentPlacementsContract;
import dev.steward.application.port.runtime.InstanceRegistry;
import dev.steward.application.port.store.UnitOfWork;

class JdbiAgentPlacementsIT extends AgentPlacementsContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiAgentPlacements placements = new JdbiAgentPlacements(stores.unitOfWork());
    private final JdbiInstanceRegistry instances = new JdbiInstanceRegistry(stores.unitOfWork());

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
        return stores.msps();
    }

    @Override
    protected ClientRepository clients() {
        return stores.clients();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork();
    }
}
