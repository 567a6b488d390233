package dev.steward.adapter.persistence;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.ClientRepositoryContract;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;

class JdbiClientRepositoryIT extends ClientRepositoryContract {

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
}
