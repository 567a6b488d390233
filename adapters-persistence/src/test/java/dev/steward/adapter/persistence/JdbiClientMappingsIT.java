package dev.steward.adapter.persistence;

import dev.steward.application.port.client.ClientMappings;
import dev.steward.application.port.client.ClientMappingsContract;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;

class JdbiClientMappingsIT extends ClientMappingsContract {

    private final JdbiStores stores = TestDatabase.stores();

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

    @Override
    protected ClientMappings mappings() {
        return new JdbiClientMappings(stores.unitOfWork());
    }
}
