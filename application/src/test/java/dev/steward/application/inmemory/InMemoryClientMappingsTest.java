package dev.steward.application.inmemory;

import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.ClientMappings;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.ClientMappingsContract;

class InMemoryClientMappingsTest extends ClientMappingsContract {

    private final InMemoryStores stores = new InMemoryStores();

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

    @Override
    protected ClientMappings mappings() {
        return stores.mappings;
    }
}
