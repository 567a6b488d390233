package dev.steward.adapter.persistence;

import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.ClientMappings;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.ClientMappingsContract;

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
