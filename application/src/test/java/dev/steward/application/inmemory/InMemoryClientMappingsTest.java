package dev.steward.application.inmemory;

import dev.steward.application.port.client.ClientMappings;
import dev.steward.application.port.client.ClientMappingsContract;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;

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
