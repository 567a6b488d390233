package dev.steward.adapter.persistence;

import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.client.MspRepositoryContract;
import dev.steward.application.port.store.UnitOfWork;

class JdbiMspRepositoryIT extends MspRepositoryContract {

    private final JdbiStores stores = TestDatabase.stores();

    @Override
    protected MspRepository repository() {
        return stores.msps();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork();
    }
}
